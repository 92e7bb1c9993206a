package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.graphql.Connection;

/**
 * A repository's pipelines as {@code Repository.pipelines} pages them, as its DataLoader answers them: a type of its
 * own, since DataLoaders are found by their value type and other loaders answer connections too.
 */
public record PipelineListing(Connection<Pipeline> connection) {
}

package io.pipelinesgateway.pipeline;

import java.util.List;

import io.pipelinesgateway.graphql.UserError;

/** What {@code runPipeline} and {@code stopPipeline} return: the pipeline as Bitbucket now reports it, or why not. */
record PipelinePayload(Pipeline pipeline, List<UserError> userErrors) {

    static PipelinePayload of(Pipeline pipeline) {
        return new PipelinePayload(pipeline, List.of());
    }

    static PipelinePayload rejected(UserError error) {
        return new PipelinePayload(null, List.of(error));
    }
}

package io.pipelinesgateway.testreport;

import io.pipelinesgateway.graphql.Connection;

/**
 * A page of a step's test cases, as its DataLoader answers it: a type of its own, since DataLoaders are found by
 * their value type and other loaders answer connections too.
 */
public record TestCasePage(Connection<TestCase> connection) {
}

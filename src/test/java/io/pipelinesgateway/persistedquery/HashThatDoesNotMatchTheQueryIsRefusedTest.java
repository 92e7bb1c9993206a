package io.pipelinesgateway.persistedquery;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.PIPELINE_QUERY;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.errorCode;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.hashOnly;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.post;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.sha256;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query sent with a hash that is not its SHA-256 is refused with PERSISTED_QUERY_HASH_MISMATCH: it neither runs
 * nor is kept, so no one can make a hash stand for a query it does not name.
 */
class HashThatDoesNotMatchTheQueryIsRefusedTest extends GatewayTest {

    @Test
    void aQueryWithAnotherQuerysHashIsRefusedAndNotKept() {
        given("pipeline-42.json");
        WebTestClient graphQl = http(Fixtures.bearer(), "/graphql");
        String someoneElses = sha256("{ workspaces { nodes { slug } } } # " + System.nanoTime());

        JsonNode answer = post(graphQl, withQuery(PIPELINE_QUERY, someoneElses));

        assertThat(errorCode(answer)).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(answer.path("errors").get(0).path("message").asString()).contains("not the SHA-256");
        assertThat(upstreamRequests()).as("nothing ran").isEmpty();
        assertThat(errorCode(post(graphQl, hashOnly(someoneElses)))).as("nothing was kept")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }
}

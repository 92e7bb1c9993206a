package io.pipelinesgateway.persistedquery;

import java.util.Locale;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.PIPELINE_QUERY;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.hashOnly;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.post;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.sha256;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.withQuery;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apollo's round trip: a query sent with its hash runs and is kept; from then on the hash alone runs it, for any
 * caller, each time with the caller's own credential.
 */
class RegisteredQueryRunsByItsHashTest extends GatewayTest {

    // Made unique per run, so a Redis that outlives the test cannot know it already.
    private final String query = PIPELINE_QUERY + " # " + System.nanoTime();
    private final String hash = sha256(query);

    @Test
    void aQuerySentWithItsHashRunsAndLaterTheHashAloneRunsIt() {
        given("pipeline-42.json");
        WebTestClient graphQl = http(Fixtures.bearer(), "/graphql");

        assertThat(buildNumber(post(graphQl, withQuery(query, hash)))).isEqualTo(42);
        assertThat(buildNumber(post(graphQl, hashOnly(hash)))).isEqualTo(42);
        assertThat(buildNumber(post(http(Fixtures.basic(), "/graphql"), hashOnly(hash)))).isEqualTo(42);

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42))))
                .as("each run read the pipeline, with its caller's credential").hasSize(3)
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly(Fixtures.bearer(), Fixtures.bearer(), Fixtures.basic());
    }

    @Test
    void aHashInCapitalsNamesTheSameQuery() {
        given("pipeline-42.json");
        WebTestClient graphQl = http(Fixtures.bearer(), "/graphql");

        post(graphQl, withQuery(query, hash.toUpperCase(Locale.ROOT)));

        assertThat(buildNumber(post(graphQl, hashOnly(hash)))).isEqualTo(42);
    }

    private static int buildNumber(JsonNode answer) {
        assertThat(answer.path("errors")).as(answer.toString()).isEmpty();
        return answer.path("data").path("pipeline").path("buildNumber").asInt();
    }
}

package io.pipelinesgateway.persistedquery;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.hashOnly;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.post;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hash the gateway does not know is answered the way Apollo Client expects, message PersistedQueryNotFound and
 * code PERSISTED_QUERY_NOT_FOUND, so the client sends the query's text with it; nothing runs.
 */
class UnknownHashIsAnsweredPersistedQueryNotFoundTest extends GatewayTest {

    @Test
    void anUnknownHashIsAnsweredPersistedQueryNotFoundAndNothingRuns() {
        String hash = sha256("{ workspaces { nodes { slug } } } # never sent");

        JsonNode answer = post(http(Fixtures.bearer(), "/graphql"), hashOnly(hash));

        assertThat(answer.path("errors")).hasSize(1);
        JsonNode error = answer.path("errors").get(0);
        assertThat(error.path("message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(error.path("extensions").path("persistedQueryId").asString()).isEqualTo(hash);
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void somethingThatIsNotAHashIsABadRequestThatSaysWhatAHashIs() {
        http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(hashOnly("../../etc/passwd"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").value(String.class,
                        message -> assertThat(message).contains("64 hexadecimal digits"));
        assertThat(upstreamRequests()).isEmpty();
    }
}

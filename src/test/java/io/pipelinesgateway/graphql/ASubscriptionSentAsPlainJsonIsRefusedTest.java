package io.pipelinesgateway.graphql;

import java.util.Map;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription POSTed for one JSON answer cannot be answered (its events come one by one): it is refused with
 * BAD_USER_INPUT naming the two transports that stream, before it starts, instead of an internal object serialised.
 */
class ASubscriptionSentAsPlainJsonIsRefusedTest extends GatewayTest {

    @Test
    void theAnswerIsAnErrorThatNamesWebSocketAndServerSentEvents() {
        String body = http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", """
                        subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }"""))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        JsonNode answer = JsonMapper.builder().build().readTree(body);
        assertThat(answer.has("data") && !answer.path("data").isNull()).as(body).isFalse();
        assertThat(answer.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
            assertThat(error.path("message").asString()).contains("WebSocket").contains("text/event-stream");
        });
        assertThat(upstreamRequests()).as("the subscription never started").isEmpty();
    }
}

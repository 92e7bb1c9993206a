package io.pipelinesgateway.security;

import java.time.Duration;
import java.util.Map;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pass-through mode: an operation that brings no Bitbucket credential is refused before it runs, with
 * UNAUTHENTICATED and a message saying what to send, over HTTP, Server-Sent Events and WebSocket; Bitbucket is never
 * called.
 */
class ARequestWithoutACredentialIsRefusedTest extends GatewayTest {

    /** A query of two fields, each of which would read Bitbucket. */
    static final String TWO_READS = """
            { workspace(slug: "acme") { slug }
              pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @Test
    void aQueryOverHttpIsRefusedWithoutCallingBitbucket() {
        given("pipeline-42.json");
        given("workspace-acme.json");

        assertRefused(graphQl(null).document(TWO_READS).execute(), "UNAUTHENTICATED", "Authorization: Bearer", "Basic");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aMutationOverHttpIsRefusedWithoutCallingBitbucket() {
        assertRefused(graphQl(null).document("""
                        mutation { stopPipeline(input: {id: "%s"}) { pipeline { uuid } } }
                        """.formatted(GlobalId.encode("Pipeline", "acme", "api", PIPELINE_42)))
                .execute(), "UNAUTHENTICATED");

        assertThat(upstreamRequests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aSubscriptionIsRefusedWithoutCallingBitbucket(Subscriptions transport) {
        assertThat(codes(transport.subscribe("http://127.0.0.1:" + port, null, """
                subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""",
                "pipelineStatusChanged"))).containsExactly("UNAUTHENTICATED");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aWebSocketWhoseConnectionInitCarriesNoCredentialIsRefused() {
        assertThat(codes(Subscriptions.webSocketWithInitPayload("http://127.0.0.1:" + port, Map.of(), """
                subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""",
                "pipelineStatusChanged"))).containsExactly("UNAUTHENTICATED");

        assertThat(upstreamRequests()).isEmpty();
    }

    static java.util.List<String> codes(reactor.core.publisher.Flux<JsonNode> subscription) {
        try (Recorder<JsonNode> events = Recorder.record(subscription)) {
            Throwable error = events.awaitError(Duration.ofSeconds(10));
            assertThat(events.items()).isEmpty();
            assertThat(error).isInstanceOf(Subscriptions.Failure.class);
            return ((Subscriptions.Failure) error).codes();
        }
    }
}

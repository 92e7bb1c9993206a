package io.pipelinesgateway.security;

import java.time.Duration;
import java.util.Map;

import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.pipelinesgateway.security.ARequestWithoutACredentialIsRefusedTest.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service mode over WebSocket: the caller is an API key or a JWT in the {@code connection_init} payload (browsers
 * cannot set handshake headers) or in the handshake's headers; a subscription needs a grant on its workspace, and
 * what it reads is read with the workspace's credential.
 */
class ServiceModeSubscriptionsCheckGrantsTest extends ServiceModeTest {

    private static final String PIPELINES = """
            subscription { pipelineStatusChanged(workspace: "%s", repository: "api") { status } }""";

    @Test
    void anApiKeyInConnectionInitCannotSubscribeToAWorkspaceWithoutAGrant() {
        assertThat(codes(Subscriptions.webSocketWithInitPayload(url(), Map.of("X-API-Key", PORTAL_KEY),
                PIPELINES.formatted("beta"), "pipelineStatusChanged"))).containsExactly("FORBIDDEN");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aJwtInTheHandshakeCannotSubscribeToAWorkspaceOutsideItsScopes() {
        String jwt = TestIssuer.token("svc-wall", "pipelines:acme:read");

        assertThat(codes(Subscriptions.WEB_SOCKET.subscribe(url(), "Bearer " + jwt, PIPELINES.formatted("beta"),
                "pipelineStatusChanged"))).containsExactly("FORBIDDEN");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aJwtInConnectionInitIsJudgedByItsScopesToo() {
        String jwt = TestIssuer.token("svc-wall", "pipelines:acme:read");

        assertThat(codes(Subscriptions.webSocketWithInitPayload(url(), "Bearer " + jwt, PIPELINES.formatted("beta"),
                "pipelineStatusChanged"))).containsExactly("FORBIDDEN");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aGrantedSubscriptionReadsWithTheWorkspaceToken() {
        given("repository-api.json");
        Flux<JsonNode> subscription = Subscriptions.webSocketWithInitPayload(url(), Map.of("X-API-Key", PORTAL_KEY),
                PIPELINES.formatted("acme"), "pipelineStatusChanged");

        try (Recorder<JsonNode> events = Recorder.record(subscription)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> bitbucket.verify(getOf("/repositories/acme/api")
                    .withHeader("Authorization", equalTo("Bearer " + ACME_TOKEN))));
        }
    }

    @Test
    void anUnknownApiKeyInConnectionInitIsRefused() {
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.webSocketWithInitPayload(url(),
                Map.of("X-API-Key", "pgk_unknown"), PIPELINES.formatted("acme"), "pipelineStatusChanged"))) {
            assertThat(events.awaitError(Duration.ofSeconds(10))).isNotNull();
            assertThat(events.items()).isEmpty();
        }
        assertThat(upstreamRequests()).isEmpty();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}

package io.pipelinesgateway.subscription;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription starts only if the subscriber's own credential may read what it names: the gateway reads it with
 * that credential when the subscription starts, and otherwise ends it with Bitbucket's verdict as the error code.
 * The sandbox refuses the tokens {@code invalid} (401) and {@code forbidden} (403). A check one credential passed
 * is reused for a few seconds by that credential's further subscriptions, never by another's.
 */
@LiveSandboxTest
class SubscriptionAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PIPELINES = """
            subscription { pipelineStatusChanged(workspace: "%s", repository: "%s") { status } }""";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aCredentialBitbucketDoesNotAcceptIsRefusedAsUnauthenticated(Subscriptions transport) {
        assertThat(codes(transport.subscribe(url(), "Bearer invalid", PIPELINES.formatted("acme", "api"),
                "pipelineStatusChanged"))).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void aCredentialInTheConnectionInitPayloadIsTheOneChecked() {
        assertThat(codes(Subscriptions.webSocketWithInitPayload(url(), "Bearer forbidden",
                PIPELINES.formatted("acme", "api"), "pipelineStatusChanged"))).containsExactly("FORBIDDEN");
    }

    @Test
    void aCredentialWithoutTheScopeIsRefusedAsForbidden() {
        assertThat(codes(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), "Bearer forbidden",
                PIPELINES.formatted("acme", "api"), "pipelineStatusChanged"))).containsExactly("FORBIDDEN");
    }

    @Test
    void aRepositoryTheCredentialCannotSeeIsRefusedAsNotFound() {
        assertThat(codes(Subscriptions.WEB_SOCKET.subscribe(url(), "Bearer someone",
                PIPELINES.formatted("acme", "no-such-repository"), "pipelineStatusChanged")))
                .containsExactly("NOT_FOUND");
    }

    @Test
    void aPassedCheckIsNeverLentToAnotherCredential() {
        double before = watchedSubscriptions();
        try (Recorder<JsonNode> admitted = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), "Bearer someone",
                PIPELINES.formatted("globex", "mobile-app"), "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> admitted.error() != null || watchedSubscriptions() > before);
            assertThat(admitted.error()).isNull();

            // Within the time a passed check is reused for its own credential, another credential is checked anew.
            assertThat(codes(Subscriptions.WEB_SOCKET.subscribe(url(), "Bearer forbidden",
                    PIPELINES.formatted("globex", "mobile-app"), "pipelineStatusChanged"))).containsExactly("FORBIDDEN");
        }
    }

    @Test
    void aStepNamedByAnIdOfAnotherTypeIsBadInput() {
        String pipelineId = io.pipelinesgateway.graphql.GlobalId.encode("Pipeline", "acme", "api",
                "{00000000-0000-0000-0000-000000000001}");
        assertThat(codes(Subscriptions.WEB_SOCKET.subscribe(url(), null, """
                subscription { stepLogAppended(step: {id: "%s"}) { text } }""".formatted(pipelineId),
                "stepLogAppended"))).containsExactly("BAD_USER_INPUT");
    }

    private static java.util.List<String> codes(reactor.core.publisher.Flux<JsonNode> subscription) {
        try (Recorder<JsonNode> events = Recorder.record(subscription)) {
            Throwable error = events.awaitError(WAIT);
            assertThat(events.items()).isEmpty();
            assertThat(error).isInstanceOf(Subscriptions.Failure.class);
            return ((Subscriptions.Failure) error).codes();
        }
    }

    private double watchedSubscriptions() {
        return meters.get("gateway.watch.subscriptions").gauge().value();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}

package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.bitbucket.UpstreamCircuitBreakers;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reconnect storm (a rolling deploy, a morning's portal tabs): 2,000 subscriptions to one repository, by 20
 * credentials over 200 WebSocket connections, all started at once. The subscriptions of one credential share its
 * access check, so Bitbucket is asked about the repository about once per credential, not once per subscriber; no
 * subscriber is refused, all see the next run, and the repository's circuit breaker stays closed.
 */
@LiveSandboxTest
class AReconnectStormCostsOneAccessCheckPerCredentialTest {

    private static final int CREDENTIALS = 20;
    private static final int CONNECTIONS_PER_CREDENTIAL = 10;
    private static final int SUBSCRIPTIONS_PER_CONNECTION = 10;
    private static final int SUBSCRIBERS = CREDENTIALS * CONNECTIONS_PER_CREDENTIAL * SUBSCRIPTIONS_PER_CONNECTION;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUBSCRIPTION = """
            subscription { pipelineStatusChanged(workspace: "globex", repository: "billing-service") {
              status pipeline { uuid } } }""";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    UpstreamCircuitBreakers breakers;

    @Test
    void twoThousandSubscribersOfTwentyCredentialsConnectingAtOnceCostAboutOneCheckEachAndAreAllServed() {
        double checksBefore = repositoryReads();
        double subscriptionsBefore = watchedSubscriptions();
        List<WebSocketGraphQlTester> connections = new ArrayList<>();
        List<Recorder<JsonNode>> subscribers = new ArrayList<>();
        try {
            for (int credential = 0; credential < CREDENTIALS; credential++) {
                for (int connection = 0; connection < CONNECTIONS_PER_CREDENTIAL; connection++) {
                    WebSocketGraphQlTester tester = Subscriptions.webSocketConnection(url(),
                            "Bearer storm-" + credential);
                    connections.add(tester);
                    for (int subscription = 0; subscription < SUBSCRIPTIONS_PER_CONNECTION; subscription++) {
                        subscribers.add(Recorder.record(Subscriptions.subscribeOver(tester, SUBSCRIPTION,
                                "pipelineStatusChanged")));
                    }
                }
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> subscribers.stream()
                    .anyMatch(subscriber -> subscriber.error() != null)
                    || watchedSubscriptions() - subscriptionsBefore >= SUBSCRIBERS);

            assertThat(subscribers).as("subscribers refused").filteredOn(subscriber -> subscriber.error() != null)
                    .extracting(subscriber -> subscriber.error().getMessage()).isEmpty();
            assertThat(repositoryReads() - checksBefore).as("access checks of the repository made upstream")
                    .isBetween((double) CREDENTIALS, 2.0 * CREDENTIALS);

            String uuid = new GatewayClient(url()).run("globex/billing-service", "main").uuid();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(subscribers)
                    .allSatisfy(subscriber -> assertThat(PipelineStatusEvents.ofRun(subscriber, uuid))
                            .extracting(event -> event.path("status").asString()).contains("PENDING")));
            assertThat(breakers.guardingRepository("globex", "billing-service").getState())
                    .isEqualTo(CircuitBreaker.State.CLOSED);
        }
        finally {
            subscribers.forEach(Recorder::close);
            connections.forEach(connection -> connection.stop().subscribe());
        }
    }

    /** The reads of a repository the gateway made to Bitbucket, whatever they answered. */
    private double repositoryReads() {
        return meters.find("gateway.upstream.requests").tag("resource", "repository").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double watchedSubscriptions() {
        return meters.get("gateway.watch.subscriptions").gauge().value();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}

package io.pipelinesgateway.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxClient;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepLogAppended}: a step's log as it grows, over a real WebSocket and a real Server-Sent Events response.
 * Put together, the chunks are the log the sandbox holds once the step has completed: no byte missing, none twice.
 */
@LiveSandboxTest
class StepLogAppendedTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SUBSCRIPTION = """
            subscription {
              stepLogAppended(step: {id: "%s"}, fromOffset: %d) {
                stepId offset length endOffset text gap droppedBytes complete totalSize
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void theChunksPutTogetherAreTheWholeLogWithNoGapAndNoDuplicate(Subscriptions transport) throws Exception {
        String pipeline = new GatewayClient(url()).run("globex/billing-service", "main").uuid();
        String step = sandbox().steps("globex/billing-service", pipeline).get(0);
        try (Recorder<JsonNode> chunks = Recorder.record(transport.subscribe(url(), null,
                SUBSCRIPTION.formatted(stepId("globex", "billing-service", pipeline, step), 0), "stepLogAppended"))) {
            // Pending for one step length, then the first step runs for another: the log grows second by second.
            clock.advance(Duration.ofSeconds(10));
            for (int second = 0; second < 11; second++) {
                clock.advance(Duration.ofSeconds(1));
                Thread.sleep(250);
            }
            chunks.awaitCompletion(WAIT);

            List<JsonNode> received = chunks.items();
            String log = sandbox().log("globex/billing-service", pipeline, step);
            assertThat(log).isNotEmpty();
            assertThat(text(received)).isEqualTo(log);
            assertContiguous(received, 0);
            assertThat(received.stream().filter(chunk -> chunk.path("length").asInt() > 0).count())
                    .as("the log arrives as it grows, in several chunks").isGreaterThan(2);
            JsonNode last = received.get(received.size() - 1);
            assertThat(last.path("complete").asBoolean()).isTrue();
            assertThat(last.path("totalSize").asLong()).isEqualTo(log.getBytes().length);
        }
    }

    @Test
    void aSubscriberThatStartsWhileTheStepRunsGetsTheLogFromTheOffsetItAskedFor() throws Exception {
        String pipeline = new GatewayClient(url()).run("globex/data-pipeline", "main").uuid();
        String step = sandbox().steps("globex/data-pipeline", pipeline).get(0);
        clock.advance(Duration.ofSeconds(15));
        String soFar = sandbox().log("globex/data-pipeline", pipeline, step);
        int from = soFar.indexOf('\n') + 1;
        assertThat(from).as("the log has a first line by now").isPositive();
        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                SUBSCRIPTION.formatted(stepId("globex", "data-pipeline", pipeline, step), from),
                "stepLogAppended"))) {
            chunks.awaitItem(chunk -> chunk.path("length").asInt() > 0, WAIT);
            for (int second = 0; second < 6; second++) {
                clock.advance(Duration.ofSeconds(1));
                Thread.sleep(250);
            }
            chunks.awaitCompletion(WAIT);

            String log = sandbox().log("globex/data-pipeline", pipeline, step);
            assertThat(text(chunks.items())).isEqualTo(log.substring(from));
            assertContiguous(chunks.items(), from);
        }
    }

    @Test
    void theLogOfACompletedStepArrivesWholeAndTheSubscriptionEnds() {
        String pipeline = new GatewayClient(url()).run("globex/mobile-app", "main").uuid();
        String step = sandbox().steps("globex/mobile-app", pipeline).get(0);
        clock.advance(Duration.ofSeconds(25));
        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), null,
                SUBSCRIPTION.formatted(stepId("globex", "mobile-app", pipeline, step), 0), "stepLogAppended"))) {
            chunks.awaitCompletion(WAIT);

            assertThat(text(chunks.items())).isEqualTo(sandbox().log("globex/mobile-app", pipeline, step));
            assertContiguous(chunks.items(), 0);
        }
    }

    @Test
    void aSubscriberWhoseOffsetFallsInsideACharacterGetsTheLogFromTheNextOne() {
        // The seed's build 7 of acme/web-app: its Build step's log has a test runner's check marks (3 bytes each).
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(url() + "/graphql")
                .build());
        Map<String, Object> pipeline = graphQl.document("""
                        { pipeline(workspace: "acme", repository: "web-app", buildNumber: 7) {
                            uuid steps { id uuid name } } }""")
                .execute().errors().verify().path("pipeline").entity(new ParameterizedTypeReference<Map<String,
                        Object>>() {
                }).get();
        @SuppressWarnings("unchecked")
        Map<String, Object> build = ((List<Map<String, Object>>) pipeline.get("steps")).stream()
                .filter(step -> "Build".equals(step.get("name"))).findFirst().orElseThrow();
        byte[] log = sandbox().log("acme/web-app", pipeline.get("uuid").toString(), build.get("uuid").toString())
                .getBytes(StandardCharsets.UTF_8);
        int character = 0;
        while (log[character] >= 0) {
            character++;
        }
        int next = character + 3;
        assertThat(new String(log, character, 3, StandardCharsets.UTF_8)).isEqualTo("✓");

        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), null,
                SUBSCRIPTION.formatted(build.get("id"), character + 1), "stepLogAppended"))) {
            chunks.awaitCompletion(WAIT);

            assertThat(text(chunks.items())).isEqualTo(new String(log, next, log.length - next,
                    StandardCharsets.UTF_8));
            assertContiguous(chunks.items(), next);
        }
    }

    @Test
    void aFinishedLogOpenedAgainByAReaderWhoseReadsProvedItsAccessCostsNoCall() throws InterruptedException {
        String viewer = "Bearer log-viewer-" + UUID.randomUUID();
        String pipeline = new GatewayClient(url()).run("globex/mobile-app", "main").uuid();
        String step = sandbox().steps("globex/mobile-app", pipeline).get(0);
        clock.advance(Duration.ofSeconds(25));
        // The page's query, with the viewer's credential: reading the repository's pipelines proves its access.
        HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(url() + "/graphql")
                        .defaultHeader("Authorization", viewer).build())
                .document("""
                        { repository(workspace: "globex", slug: "mobile-app") {
                            pipelines(first: 1) { nodes { uuid } } } }""")
                .execute().errors().verify();
        String id = stepId("globex", "mobile-app", pipeline, step);
        String log = wholeLog(viewer, id);
        assertThat(log).isEqualTo(sandbox().log("globex/mobile-app", pipeline, step));

        Thread.sleep(500);
        double before = upstreamReadsOfTheStep();
        assertThat(wholeLog(viewer, id)).isEqualTo(log);
        assertThat(upstreamReadsOfTheStep() - before).as("reads of the repository, pipeline, step and log").isZero();
    }

    /** The whole log of the completed step {@code id}, as {@code viewer} subscribes to it from its start. */
    private String wholeLog(String viewer, String id) {
        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), viewer,
                SUBSCRIPTION.formatted(id, 0), "stepLogAppended"))) {
            chunks.awaitCompletion(WAIT);
            assertContiguous(chunks.items(), 0);
            return text(chunks.items());
        }
    }

    private double upstreamReadsOfTheStep() {
        return meters.find("gateway.upstream.requests").counters().stream()
                .filter(counter -> List.of("repository", "pipeline", "step", "step_log")
                        .contains(counter.getId().getTag("resource")))
                .mapToDouble(Counter::count).sum();
    }

    private static void assertContiguous(List<JsonNode> chunks, long from) {
        long expected = from;
        for (JsonNode chunk : chunks) {
            assertThat(chunk.path("offset").asLong()).as("each chunk starts where the last one ended")
                    .isEqualTo(expected);
            assertThat(chunk.path("gap").asBoolean()).isFalse();
            assertThat(chunk.path("endOffset").asLong())
                    .isEqualTo(chunk.path("offset").asLong() + chunk.path("length").asLong());
            expected = chunk.path("endOffset").asLong();
        }
    }

    private static String text(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.path("text").asString()));
        return text.toString();
    }

    /** The step's global ID, as a client gets it from a query. */
    @SuppressWarnings("unchecked")
    private String stepId(String workspace, String repository, String pipeline, String step) {
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(url() + "/graphql")
                .build());
        List<Map<String, Object>> steps = graphQl.document("""
                        { pipeline(workspace: "%s", repository: "%s", uuid: "%s") { steps { id uuid } } }"""
                        .formatted(workspace, repository, pipeline))
                .execute().errors().verify()
                .path("pipeline.steps").entityList(Map.class).get().stream()
                .map(entry -> (Map<String, Object>) entry).toList();
        return steps.stream().filter(entry -> entry.get("uuid").equals(step)).findFirst().orElseThrow()
                .get("id").toString();
    }

    private SandboxClient sandbox() {
        return new SandboxClient(url());
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}

package io.pipelinesgateway.sandbox;

import static io.pipelinesgateway.sandbox.SandboxHttp.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Pipelines progress in time: a run waits (PENDING, first step READY), runs its steps one step-length each
 * (IN_PROGRESS/RUNNING) and completes SUCCESSFUL; a stop freezes it as STOPPED. The {@link TestClock} moves time, and
 * every state on the way must still conform to Bitbucket's spec. Step length here: 10 s.
 */
@SandboxTest
class SandboxPipelineProgressionTest {

    private static final Duration STEP = Duration.ofSeconds(10);
    private static final String RUN = """
            {"target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "main"}}""";

    @Autowired
    WebTestClient client;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(client, port);
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private String run(String repo) {
        Reply created = http.post("/repositories/" + repo + "/pipelines/", RUN).conforms();
        assertThat(created.status()).isEqualTo(201);
        return "/repositories/" + repo + "/pipelines/" + seg(created.json().path("uuid").asString());
    }

    private JsonNode state(String pipeline) {
        return http.get(pipeline).conforms().json().path("state");
    }

    private List<String> stepStates(String pipeline) {
        return http.get(pipeline + "/steps/").conforms().values().stream().map(s -> {
            JsonNode state = s.path("state");
            return state.has("result") ? state.path("result").path("name").asString()
                    : state.path("name").asString();
        }).toList();
    }

    @Test
    void aRunGoesFromPendingThroughInProgressToSuccessfulAsTimePasses() {
        String pipeline = run("acme/web-app");
        assertThat(state(pipeline).path("name").asString()).isEqualTo("PENDING");
        assertThat(stepStates(pipeline)).containsExactly("READY", "PENDING", "PENDING");

        clock.advance(STEP.plusSeconds(1));
        JsonNode running = state(pipeline);
        assertThat(running.path("name").asString()).isEqualTo("IN_PROGRESS");
        assertThat(running.path("stage").path("name").asString()).isEqualTo("RUNNING");
        assertThat(running.has("result")).as("a running pipeline has no result").isFalse();
        assertThat(stepStates(pipeline)).containsExactly("IN_PROGRESS", "PENDING", "PENDING");

        clock.advance(STEP);
        assertThat(stepStates(pipeline)).containsExactly("SUCCESSFUL", "IN_PROGRESS", "PENDING");

        clock.advance(STEP.multipliedBy(2));
        JsonNode done = http.get(pipeline).conforms().json();
        assertThat(done.path("state").path("name").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("state").path("result").path("name").asString()).isEqualTo("SUCCESSFUL");
        assertThat(done.path("completed_on").asString()).isNotBlank();
        assertThat(done.path("build_seconds_used").asInt()).isEqualTo(30);
        assertThat(stepStates(pipeline)).containsExactly("SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL");
    }

    @Test
    void stoppingARunningPipelineStopsItsRunningStepAndSkipsTheRest() {
        String pipeline = run("globex/billing-service");
        clock.advance(STEP.multipliedBy(3).dividedBy(2));
        assertThat(http.post(pipeline + "/stopPipeline", null).conforms().status()).isEqualTo(204);

        clock.advance(STEP.multipliedBy(10));
        JsonNode state = state(pipeline);
        assertThat(state.path("name").asString()).isEqualTo("COMPLETED");
        assertThat(state.path("result").path("type").asString()).isEqualTo("pipeline_state_completed_stopped");
        assertThat(stepStates(pipeline)).containsExactly("STOPPED", "NOT_RUN");
        String firstStep = http.get(pipeline + "/steps/").values().get(0).path("uuid").asString();
        assertThat(http.get(pipeline + "/steps/" + seg(firstStep) + "/log").body()).endsWith("Step stopped by user.\n");

        Reply again = http.post(pipeline + "/stopPipeline", null).conforms();
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("type").asString()).isEqualTo("error");
    }

    @Test
    void stoppingAPipelineBeforeItStartsLeavesEveryStepNotRun() {
        String pipeline = run("globex/mobile-app");
        assertThat(http.post(pipeline + "/stopPipeline", null).conforms().status()).isEqualTo(204);
        clock.advance(STEP.multipliedBy(5));
        JsonNode state = state(pipeline);
        assertThat(state.path("result").path("name").asString()).isEqualTo("STOPPED");
        assertThat(stepStates(pipeline)).containsOnly("NOT_RUN");
    }

    @Test
    void aRunningStepsLogGrowsAsTimePasses() {
        String pipeline = run("globex/data-pipeline");
        String step = http.get(pipeline + "/steps/").values().get(0).path("uuid").asString();
        String log = pipeline + "/steps/" + seg(step) + "/log";
        assertThat(http.get(log).conforms().status()).as("no log before the step starts").isEqualTo(404);

        clock.advance(STEP.plusMillis(100));
        Reply early = http.get(log).conforms();
        clock.advance(STEP.dividedBy(2));
        Reply later = http.get(log).conforms();
        clock.advance(STEP);
        Reply complete = http.get(log).conforms();

        assertThat(early.bytes().length).isLessThan(later.bytes().length);
        assertThat(later.bytes().length).isLessThan(complete.bytes().length);
        assertThat(later.body()).startsWith(early.body());
        assertThat(complete.body()).startsWith(later.body()).contains("Build duration:");
        assertThat(early.headers().getETag()).isNotEqualTo(later.headers().getETag());
    }

    @Test
    void seededRunningPipelinesCompleteOnTheirOwn() {
        String pipeline = "/repositories/acme/api/pipelines/29";
        JsonNode running = state(pipeline);
        assertThat(running.path("stage").path("name").asString()).isEqualTo("RUNNING");

        clock.advance(STEP.multipliedBy(40));
        JsonNode done = http.get(pipeline).conforms().json();
        assertThat(done.path("state").path("result").path("name").asString()).isEqualTo("SUCCESSFUL");
        assertThat(done.path("build_number").asInt()).isEqualTo(29);
    }

    @Test
    void buildNumbersFollowOnFromTheLatestAndAddressTheirPipeline() {
        JsonNode first = http.post("/repositories/acme/infra/pipelines/", RUN).json();
        JsonNode second = http.post("/repositories/acme/infra/pipelines/", RUN).json();
        assertThat(second.path("build_number").asInt()).isEqualTo(first.path("build_number").asInt() + 1);
        JsonNode byNumber = http.get("/repositories/acme/infra/pipelines/" + second.path("build_number").asInt())
                .conforms().json();
        assertThat(byNumber.path("uuid").asString()).isEqualTo(second.path("uuid").asString());
    }
}

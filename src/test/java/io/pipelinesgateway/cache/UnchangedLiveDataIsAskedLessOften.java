package io.pipelinesgateway.cache;

import java.util.Locale;

import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.stepsPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live data whose content stays the same, such as the steps of a running pipeline whose step runs long and reports
 * nothing new, is kept twice as long each time it is read again unchanged, so it is asked less often as views repeat; a change starts it again
 * at the base time ({@code gateway.cache.list} for a steps list, 500 ms here). A workspace's repository listing is
 * kept longer the same way. The steps of a pipeline seen waiting (here paused before a manual step) cannot move while
 * it waits, so they are read once for as long as it is seen so. The same rules hold whichever store keeps the cache:
 * each store has its own test class.
 * <p>
 * The waits only ever pass an entry's time (1.1 s against 0.5 s and 1 s), or stay well within it (1.1 s against 2 s).
 */
abstract class UnchangedLiveDataIsAskedLessOften extends GatewayTest {

    private static final String RUNNING_PIPELINE = "{5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80}";
    private static final String STEPS = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { status steps { name status } } }
            """.formatted(RUNNING_PIPELINE);
    private static final String PAUSED_PIPELINE = "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05}";
    private static final String PAUSED_STEPS = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { status steps { name status } } }
            """.formatted(PAUSED_PIPELINE);
    private static final String STEP_DURATIONS = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { steps { durationSeconds } } }
            """.formatted(RUNNING_PIPELINE);
    private static final long PAST_THE_BASE_TIME_TWICE_MS = 1100;

    @Test
    void anUnchangedRunningPipelinesStepsAreAskedLessOftenAsViewsRepeat() throws InterruptedException {
        givenRunningSteps(running(1));
        String caller = freshCredential();

        viewsAfterAWait(caller, 0);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);
        assertThat(stepsReads()).as("asked again past 0.5 s, then past 1 s").isEqualTo(3);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);

        assertThat(stepsReads()).as("now kept for 2 s").isEqualTo(3);
    }

    @Test
    void aRunningStepsCountersMovingAloneAreNoChangeAndItsDurationCountsUpToNow() throws InterruptedException {
        String caller = freshCredential();
        for (int view = 0; view < 4; view++) {
            // Bitbucket counts the running step's duration and build seconds up between any two reads.
            givenRunningSteps(runningFor(1, 60 + 10 * view));
            viewsAfterAWait(caller, view == 0 ? 0 : PAST_THE_BASE_TIME_TWICE_MS);
        }

        assertThat(stepsReads()).as("asked past 0.5 s, then past 1 s, then kept 2 s, as if unchanged").isEqualTo(3);
        graphQl(caller).document(STEP_DURATIONS).execute().path("pipeline.steps[1].durationSeconds")
                .entity(Integer.class).satisfies(seconds -> assertThat(seconds)
                        .as("counted from its start in 2020, not Bitbucket's 80 s").isGreaterThan(1_000_000));
    }

    @Test
    void aChangedOneIsAskedAgainAtTheBaseTime() throws InterruptedException {
        givenRunningSteps(running(1));
        String caller = freshCredential();
        viewsAfterAWait(caller, 0);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);

        // The long step completes and the next one runs: the next read after the 2 s sees it.
        ObjectNode next = running(2);
        inState(next, 1, "completed", "successful");
        givenRunningSteps(next);
        viewsAfterAWait(caller, 2 * PAST_THE_BASE_TIME_TWICE_MS);
        assertThat(stepsReads()).as("the change is read once the 2 s are over").isEqualTo(4);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);

        assertThat(stepsReads()).as("kept for the base time only, not 4 s").isEqualTo(5);
    }

    @Test
    void aPipelineWaitingAtAManualStepHasItsStepsReadOnceForAsLongAsItIsSeenWaiting() throws InterruptedException {
        String caller = givenThePausedPipeline();

        for (int view = 0; view < 4; view++) {
            Thread.sleep(view == 0 ? 0 : PAST_THE_BASE_TIME_TWICE_MS);
            graphQl(caller).document(PAUSED_STEPS).execute().path("pipeline.status").entity(String.class)
                    .isEqualTo("PAUSED");
        }

        assertThat(reads(pipelinePath(PAUSED_PIPELINE)))
                .as("the pipeline itself is live data, asked again as it grows").isEqualTo(3);
        assertThat(reads(stepsPath(PAUSED_PIPELINE)))
                .as("its steps cannot move while it waits").isEqualTo(1);
    }

    @Test
    void itsStepsAreReadAgainOnceItIsSeenMovingOnAndOnceItIsSeenWaitingAgain() throws InterruptedException {
        String caller = givenThePausedPipeline();
        graphQl(caller).document(PAUSED_STEPS).execute().path("pipeline.steps[1].status").entity(String.class)
                .isEqualTo("PAUSED");

        // Someone runs the manual step: the pipeline runs again and has used more build seconds.
        ObjectNode approved = pausedSteps();
        inState(approved, 1, "in_progress", null);
        givenPaused(null, 45);
        givenSteps(PAUSED_PIPELINE, approved);
        Thread.sleep(PAST_THE_BASE_TIME_TWICE_MS);
        graphQl(caller).document(PAUSED_STEPS).execute().path("pipeline.steps[1].status").entity(String.class)
                .isEqualTo("IN_PROGRESS");

        // It pauses again, at a later manual step: another wait, whose steps are read once more.
        ObjectNode again = pausedSteps();
        inState(again, 1, "completed", "successful");
        givenPaused("paused", 70);
        givenSteps(PAUSED_PIPELINE, again);
        Thread.sleep(PAST_THE_BASE_TIME_TWICE_MS);
        for (int view = 0; view < 2; view++) {
            graphQl(caller).document(PAUSED_STEPS).execute().path("pipeline.steps[1].status").entity(String.class)
                    .isEqualTo("SUCCESSFUL");
            Thread.sleep(PAST_THE_BASE_TIME_TWICE_MS);
        }

        assertThat(reads(stepsPath(PAUSED_PIPELINE)))
                .as("once waiting, again while running, once more waiting again").isEqualTo(3);
    }

    @Test
    void stepsThatRunAlthoughThePipelineWasSeenWaitingAreLiveData() throws InterruptedException {
        // The pipeline was read (kept for its live time) just before someone ran the manual step.
        given("pipeline-106-paused-since-2021.json");
        ObjectNode approved = pausedSteps();
        inState(approved, 1, "in_progress", null);
        givenSteps(PAUSED_PIPELINE, approved);
        String caller = freshCredential();

        graphQl(caller).document(PAUSED_STEPS).execute();
        Thread.sleep(PAST_THE_BASE_TIME_TWICE_MS);
        graphQl(caller).document(PAUSED_STEPS).execute();

        assertThat(reads(stepsPath(PAUSED_PIPELINE)))
                .as("asked again past the base time").isEqualTo(2);
    }

    @Test
    void anUnchangedRepositoryListingIsAskedLessOftenAsViewsRepeat() throws InterruptedException {
        given("workspace-acme.json");
        given("repositories-acme.json");
        String caller = freshCredential();
        String listing = "{ workspace(slug: \"acme\") { repositories { nodes { slug } } } }";

        for (int view = 0; view < 4; view++) {
            Thread.sleep(view == 0 ? 0 : PAST_THE_BASE_TIME_TWICE_MS);
            graphQl(caller).document(listing).execute().path("workspace.repositories.nodes[0].slug")
                    .entity(String.class).isEqualTo("api");
        }

        assertThat(reads("/repositories/acme"))
                .as("asked past 0.5 s, past 1 s, then kept for 2 s").isEqualTo(3);
    }

    private void viewsAfterAWait(String caller, long waitMs) throws InterruptedException {
        Thread.sleep(waitMs);
        graphQl(caller).document(STEPS).execute().path("pipeline.steps[0].status").hasValue();
    }

    private int stepsReads() {
        return reads(stepsPath(RUNNING_PIPELINE));
    }

    private int reads(String path) {
        return bitbucket.findAll(getOf(path)).size();
    }

    /** Pipeline 106, paused before its manual step, and its steps; a credential that has read neither. */
    private String givenThePausedPipeline() {
        given("pipeline-106-paused-since-2021.json");
        given("steps-paused-pipeline.json");
        return freshCredential();
    }

    /** The paused pipeline's payload, in stage {@code stage} (null: running) with {@code buildSeconds} used. */
    private void givenPaused(String stage, int buildSeconds) {
        ObjectNode pipeline = (ObjectNode) JsonMapper.builder().build()
                .readTree(Payloads.text("pipeline-106-paused-since-2021.json"));
        pipeline.put("build_seconds_used", buildSeconds).put("duration_in_seconds", buildSeconds);
        ObjectNode state = pipeline.putObject("state").put("type", "pipeline_state_in_progress")
                .put("name", "IN_PROGRESS");
        String name = stage == null ? "running" : stage;
        state.putObject("stage").put("type", "pipeline_state_in_progress_" + name)
                .put("name", name.toUpperCase(Locale.ROOT));
        bitbucket.stubFor(Payloads.stub("pipeline-106-paused-since-2021.json").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(pipeline.toString())));
    }

    private static ObjectNode pausedSteps() {
        return (ObjectNode) JsonMapper.builder().build().readTree(Payloads.text("steps-paused-pipeline.json"));
    }

    /** Puts the step at {@code index} in state {@code name} ({@code in_progress}, {@code completed}) with a result. */
    private static void inState(ObjectNode steps, int index, String name, String result) {
        ObjectNode state = ((ObjectNode) steps.withArray("values").get(index)).putObject("state")
                .put("type", "pipeline_step_state_" + name).put("name", name.toUpperCase(Locale.ROOT));
        if (result != null) {
            state.putObject("result").put("type", "pipeline_step_state_" + name + "_" + result)
                    .put("name", result.toUpperCase(Locale.ROOT));
        }
    }

    /** The running pipeline, and its steps as given. */
    private void givenRunningSteps(ObjectNode steps) {
        given("pipeline-43-running.json");
        givenSteps(RUNNING_PIPELINE, steps);
    }

    private void givenSteps(String pipeline, ObjectNode steps) {
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(stepsPath(pipeline)))).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(steps.toString())));
    }

    /** The steps of the paused pipeline's payload, with the one at {@code index} running and the others as they are. */
    private static ObjectNode running(int index) {
        ObjectNode steps = pausedSteps();
        inState(steps, index, "in_progress", null);
        return steps;
    }

    /** {@link #running}, the running step started in 2020 and counted by Bitbucket at {@code seconds}. */
    private static ObjectNode runningFor(int index, int seconds) {
        ObjectNode steps = running(index);
        ((ObjectNode) steps.withArray("values").get(index)).put("started_on", "2020-01-01T00:00:00Z")
                .put("duration_in_seconds", seconds).put("build_seconds_used", seconds);
        return steps;
    }

    private static String freshCredential() {
        return CachingGatewayTest.freshCredential();
    }
}

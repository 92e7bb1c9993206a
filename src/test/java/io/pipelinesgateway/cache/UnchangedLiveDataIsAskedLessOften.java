package io.pipelinesgateway.cache;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.pipelinesgateway.support.Fixtures.stepsPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live data whose content stays the same, such as the steps of a pipeline paused before a manual step, is kept twice
 * as long each time it is read again unchanged, so it is asked less often as views repeat; a change starts it again
 * at the base time ({@code gateway.cache.list} for a steps list, 500 ms here). A workspace's repository listing is
 * kept longer the same way. The same rules hold whichever store keeps the cache: each store has its own test class.
 * <p>
 * The waits only ever pass an entry's time (1.1 s against 0.5 s and 1 s), or stay well within it (1.1 s against 2 s).
 */
abstract class UnchangedLiveDataIsAskedLessOften extends GatewayTest {

    private static final String PAUSED_PIPELINE = "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05}";
    private static final String STEPS = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { status steps { name status } } }
            """.formatted(PAUSED_PIPELINE);
    private static final long PAST_THE_BASE_TIME_TWICE_MS = 1100;

    @Test
    void anUnchangedPausedPipelinesStepsAreAskedLessOftenAsViewsRepeat() throws InterruptedException {
        given("pipeline-106-paused-since-2021.json");
        given("steps-paused-pipeline.json");
        String caller = freshCredential();

        viewsAfterAWait(caller, 0);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);
        assertThat(stepsReads()).as("asked again past 0.5 s, then past 1 s").isEqualTo(3);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);

        assertThat(stepsReads()).as("now kept for 2 s").isEqualTo(3);
    }

    @Test
    void aChangedOneIsAskedAgainAtTheBaseTime() throws InterruptedException {
        given("pipeline-106-paused-since-2021.json");
        given("steps-paused-pipeline.json");
        String caller = freshCredential();
        viewsAfterAWait(caller, 0);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);

        // Someone approves the manual step: it runs now, and the next read after the 2 s sees it.
        ObjectNode approved = (ObjectNode) JsonMapper.builder().build()
                .readTree(Payloads.text("steps-paused-pipeline.json"));
        ((ObjectNode) approved.withArray("values").get(1)).putObject("state")
                .put("type", "pipeline_step_state_in_progress").put("name", "IN_PROGRESS");
        bitbucket.stubFor(Payloads.stub("steps-paused-pipeline.json").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(approved.toString())));
        viewsAfterAWait(caller, 2 * PAST_THE_BASE_TIME_TWICE_MS);
        assertThat(stepsReads()).as("the change is read once the 2 s are over").isEqualTo(4);
        viewsAfterAWait(caller, PAST_THE_BASE_TIME_TWICE_MS);

        assertThat(stepsReads()).as("kept for the base time only, not 4 s").isEqualTo(5);
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

        assertThat(bitbucket.findAll(getOf("/repositories/acme")).size())
                .as("asked past 0.5 s, past 1 s, then kept for 2 s").isEqualTo(3);
    }

    private void viewsAfterAWait(String caller, long waitMs) throws InterruptedException {
        Thread.sleep(waitMs);
        graphQl(caller).document(STEPS).execute().path("pipeline.steps[0].status").hasValue();
    }

    private int stepsReads() {
        return bitbucket.findAll(getOf(stepsPath(PAUSED_PIPELINE))).size();
    }

    private static String freshCredential() {
        return CachingGatewayTest.freshCredential();
    }
}

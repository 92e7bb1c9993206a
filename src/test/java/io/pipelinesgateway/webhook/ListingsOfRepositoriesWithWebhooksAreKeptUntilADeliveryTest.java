package io.pipelinesgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import io.pipelinesgateway.support.TestRedis;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once a repository's webhooks are seen, a page of its pipelines listing that shows only completed pipelines is kept
 * for {@code gateway.cache.list-with-webhooks} (an hour here) instead of {@code gateway.cache.list} (300 ms here):
 * each verified delivery evicts it, so the next query asks Bitbucket once more. So is a page whose newest pipeline is
 * paused before a manual step: Bitbucket delivers when a person runs the step. A page showing a running pipeline, or
 * one halted behind a deployment, keeps the short time (the pipeline moves on without a delivery), and so does a
 * repository without deliveries. A
 * delivery evicts the listing only: a completed pipeline and its steps stay cached. A listing that stays unchanged is
 * kept longer each time it is read again, until a delivery evicts it and forgets that. The cache is in a real Redis,
 * as replicas share it.
 */
class ListingsOfRepositoriesWithWebhooksAreKeptUntilADeliveryTest extends GatewayTest {

    private static final String SECRET = TestSecrets.WEBHOOK_SECRET;
    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final long PAST_THE_SHORT_TIME_MS = 700;

    private static final String API_COMPLETED_LIST = """
            { repository(workspace: "acme", slug: "api") {
                pipelines(first: 5, statuses: [SUCCESSFUL, FAILED]) { nodes { uuid status } } } }""";
    private static final String API_LIST = """
            { repository(workspace: "acme", slug: "api") { pipelines(first: 5) { nodes { uuid status } } } }""";
    private static final String MOBILE_LIST = """
            { repository(workspace: "acme", slug: "mobile") { pipelines(first: 5) { nodes { uuid status } } } }""";
    private static final String COMPLETED_STEPS = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { status steps { name status } } }"""
            .formatted(PIPELINE_42);

    @DynamicPropertySource
    static void cacheListsBrieflyInRedisAndAcceptWebhooks(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
        registry.add("gateway.cache.list", () -> "300ms");
        registry.add("gateway.cache.list-with-webhooks", () -> "1h");
        registry.add("gateway.webhooks.secret", () -> SECRET);
    }

    @Test
    void aListingOfARepositoryWithWebhooksIsAskedAgainOnlyAfterADelivery() throws InterruptedException {
        given("repository-api.json");
        given("pipelines-successful-or-failed.json");
        String caller = freshCredential();
        deliver("acme/api");

        answer(caller, API_COMPLETED_LIST);
        Thread.sleep(PAST_THE_SHORT_TIME_MS);
        answer(caller, API_COMPLETED_LIST);
        assertThat(listReads("api")).as("kept past gateway.cache.list").isEqualTo(1);

        deliver("acme/api");
        answer(caller, API_COMPLETED_LIST);
        assertThat(listReads("api")).as("asked once more after the delivery").isEqualTo(2);
        Thread.sleep(PAST_THE_SHORT_TIME_MS);
        answer(caller, API_COMPLETED_LIST);
        assertThat(listReads("api")).as("and kept again").isEqualTo(2);
    }

    @Test
    void aListingThatShowsARunningPipelineKeepsTheShortTimeDespiteWebhooks() throws InterruptedException {
        given("repository-api.json");
        given("pipelines-newest-first.json");

        assertThat(readsPastTheShortTimeOnceAcmeApiHasWebhooks(API_LIST, "api")).isEqualTo(2);
    }

    @Test
    void aListingWhoseNewestPipelineIsPausedBeforeAManualStepIsKeptLikeACompletedOne() throws InterruptedException {
        assertThat(readsPastTheShortTimeOfAListingWhoseNewestPipelineIs("paused"))
                .as("the next change (a person running the step) brings a delivery").isEqualTo(1);
    }

    @Test
    void aListingWhoseNewestPipelineIsHaltedBehindADeploymentKeepsTheShortTime() throws InterruptedException {
        assertThat(readsPastTheShortTimeOfAListingWhoseNewestPipelineIs("halted"))
                .as("it goes on by itself, without a delivery").isEqualTo(2);
    }

    @Test
    void aListingKeptLongerWhileUnchangedIsAskedAgainAtOnceAfterADeliveryAndThenAtTheShortTime()
            throws InterruptedException {
        given("repository-api.json");
        given("pipelines-newest-first.json");
        String caller = freshCredential();
        // Starts from nothing: the listing is shared by its readers, and other tests here read it too.
        deliver("acme/api");
        answer(caller, API_LIST);
        Thread.sleep(PAST_THE_SHORT_TIME_MS);
        answer(caller, API_LIST);
        Thread.sleep(PAST_THE_SHORT_TIME_MS);
        answer(caller, API_LIST);
        answer(caller, API_LIST);
        assertThat(listReads("api")).as("unchanged twice: kept for 1.2 s now").isEqualTo(3);

        deliver("acme/api");
        answer(caller, API_LIST);
        assertThat(listReads("api")).as("asked again at once after the delivery").isEqualTo(4);
        Thread.sleep(PAST_THE_SHORT_TIME_MS);
        answer(caller, API_LIST);

        assertThat(listReads("api")).as("the delivery forgot how long it had stayed unchanged").isEqualTo(5);
    }

    @Test
    void aRepositoryWithoutDeliveriesKeepsTheShortTime() throws InterruptedException {
        given("repository-mobile.json");
        given("pipelines-mobile-20.json");

        assertThat(readsPastTheShortTimeOnceAcmeApiHasWebhooks(MOBILE_LIST, "mobile")).isEqualTo(2);
    }

    /** How often {@code repository}'s listing is read for {@code list} asked twice, the short time apart. */
    private int readsPastTheShortTimeOnceAcmeApiHasWebhooks(String list, String repository)
            throws InterruptedException {
        String caller = freshCredential();
        deliver("acme/api");
        answer(caller, list);
        Thread.sleep(PAST_THE_SHORT_TIME_MS);
        answer(caller, list);
        return listReads(repository);
    }

    @Test
    void aCompletedPipelineAndItsStepsStayCachedAcrossADelivery() {
        given("pipeline-42.json");
        given("steps-pipeline-42.json");
        String caller = freshCredential();
        answer(caller, COMPLETED_STEPS);
        int reads = upstreamRequests().size();

        deliver("acme/api");
        answer(caller, COMPLETED_STEPS);

        assertThat(reads).isEqualTo(2);
        assertThat(upstreamRequests()).as("nothing asked again").hasSize(reads);
    }

    /**
     * How often acme/api's listing is read when asked twice, the short time apart: three completed pipelines, the
     * newest of which is in progress in {@code stage} instead ({@code paused}: before a manual step; {@code halted}:
     * behind another deployment).
     */
    private int readsPastTheShortTimeOfAListingWhoseNewestPipelineIs(String stage) throws InterruptedException {
        given("repository-api.json");
        ObjectNode page = (ObjectNode) JsonMapper.builder().build()
                .readTree(Payloads.text("pipelines-successful-or-failed.json"));
        ObjectNode state = ((ObjectNode) page.withArray("values").get(0)).putObject("state")
                .put("type", "pipeline_state_in_progress").put("name", "IN_PROGRESS");
        state.putObject("stage").put("type", "pipeline_state_in_progress_" + stage)
                .put("name", stage.toUpperCase(Locale.ROOT));
        bitbucket.stubFor(Payloads.stub("pipelines-newest-first.json").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page.toString())));
        return readsPastTheShortTimeOnceAcmeApiHasWebhooks(API_LIST, "api");
    }

    private int listReads(String repository) {
        return bitbucket.findAll(getOf("/repositories/acme/" + repository + "/pipelines/")).size();
    }

    private void answer(String caller, String query) {
        assertThat(rawResponse(caller, query)).doesNotContain("\"errors\"");
    }

    /** A verified commit status delivery for {@code fullName}, as Bitbucket sends it. */
    private void deliver(String fullName) {
        byte[] body = """
                {"repository": {"type": "repository", "full_name": "%s", "name": "%s",
                                "uuid": "{5c3f5a40-7f0c-4d1f-9d6b-2f4a8c1e9b70}"},
                 "commit_status": {"type": "commit_status", "key": "pipeline", "state": "INPROGRESS",
                                   "refname": "main", "commit": {"hash": "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c"}}}"""
                .formatted(fullName, fullName.substring(fullName.indexOf('/') + 1))
                .getBytes(StandardCharsets.UTF_8);
        http(null, "/webhooks/bitbucket").post()
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Event-Key", "repo:commit_status_updated")
                .header("X-Request-UUID", UUID.randomUUID().toString())
                .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign(SECRET, body)))
                .bodyValue(body)
                .exchange()
                .expectStatus().isAccepted();
    }

    private static String freshCredential() {
        return "Bearer test-" + UUID.randomUUID();
    }
}

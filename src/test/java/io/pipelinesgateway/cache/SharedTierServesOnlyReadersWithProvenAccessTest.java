package io.pipelinesgateway.cache;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static io.pipelinesgateway.support.Fixtures.repositoryPath;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is read below a repository's {@code pipelines/} is the same for every reader, so it is kept once per repository
 * and served to any caller whose own credential has just read that repository successfully, or whose own listing of
 * the workspace's repositories named it, and whose token has shown it may read pipelines at all (a read below any
 * repository's {@code pipelines/}): completed pipeline data, and live data too (listing pages, running pipelines),
 * each for its own time. A caller who has not proven access, or whom Bitbucket has since refused (401, 403, 404), or
 * whose token reads repositories but not pipelines, is never served it and makes its own call.
 */
class SharedTierServesOnlyReadersWithProvenAccessTest extends GatewayTest {

    private static final String PREFIX = TestRedis.uniquePrefix();

    @DynamicPropertySource
    static void turnTheCacheAndItsSharedTierOnInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.shared", () -> "true");
        // Live data stays shared for the whole of a test, so a reader's own call shows it was not served it.
        registry.add("gateway.cache.live", () -> "1m");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
    }

    private static String freshCredential() {
        return CachingGatewayTest.freshCredential();
    }

    private static final String PIPELINE = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);
    private static final String REPOSITORY = """
            { repository(workspace: "acme", slug: "api") { slug } }
            """;
    private static final String RUNNING_PIPELINE = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber status } }
            """.formatted(PIPELINE_43);
    private static final String PAUSED_PIPELINE = """
            { pipeline(workspace: "acme", repository: "api", uuid: "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05}") {
                buildNumber } }
            """;
    private static final String PIPELINES_LISTING = """
            { repository(workspace: "acme", slug: "api") { pipelines(first: 5) { nodes { uuid status } } } }
            """;
    private static final String WORKSPACE_LISTING = """
            { workspace(slug: "acme") { repositories { nodes { slug } } } }
            """;
    private static final String TESTS_STEP = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") { uuid } } }
            """.formatted(PIPELINE_42, STEP_TEST);
    private static final String TESTS_REPORT = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") { testReport { total } } } }
            """.formatted(PIPELINE_42, STEP_TEST);
    private static final String REPORT = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") { testReport { total } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    /** Stubs an answer for one credential only. */
    private void givenFor(String credential, String file) {
        bitbucket.stubFor(Payloads.stub(file).withHeader("Authorization", equalTo(credential)));
    }

    /**
     * The caller reads acme/api with its own credential, as a dashboard's listing does, which proves its access to the
     * repository, and a pipeline no other caller reads, which proves that its token may read pipelines at all.
     */
    private void readsTheRepository(String credential) {
        graphQl(credential).document(REPOSITORY).execute().path("repository.slug").entity(String.class).isEqualTo("api");
        readsAPipelineOfItsOwn(credential);
    }

    /**
     * The caller reads a pipeline of another repository, which no other caller reads: that proves its token may read
     * pipelines at all, and nothing of acme/api.
     */
    private void readsAPipelineOfItsOwn(String credential) {
        String ownPipeline = "{" + UUID.randomUUID() + "}";
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api("/repositories/acme/elsewhere/pipelines/"
                        + encoded(ownPipeline))))
                .withHeader("Authorization", equalTo(credential)).willReturn(Payloads.response("pipeline-42.json")));
        graphQl(credential).document(PIPELINE.replace(PIPELINE_42, ownPipeline).replace("\"api\"", "\"elsewhere\""))
                .execute().path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
    }

    private void readsPipeline42(String credential) {
        graphQl(credential).document(PIPELINE).execute().path("pipeline.buildNumber").entity(Integer.class)
                .isEqualTo(42);
    }

    private long sharedHits() {
        return prometheus().lines()
                .filter(line -> line.startsWith("gateway_cache_requests_total{") && line.contains("shared-hit")
                        && line.contains("resource=\"pipeline\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long callsBy(String credential, String path) {
        return bitbucket.findAll(getOf(path)).stream()
                .filter(request -> credential.equals(request.getHeader("Authorization"))).count();
    }

    @Test
    void aReaderWhoProvedAccessGetsAnotherReadersCompletedPipelineWithoutACall() {
        String first = freshCredential();
        String second = freshCredential();
        givenFor(first, "pipeline-42.json");
        givenFor(second, "repository-api.json");
        readsPipeline42(first);
        long sharedBefore = sharedHits();

        // The second caller proves its own access to acme/api, as a dashboard's listing does, then asks.
        readsTheRepository(second);
        readsPipeline42(second);

        assertThat(callsBy(second, pipelinePath(PIPELINE_42))).isZero();
        assertThat(sharedHits()).isEqualTo(sharedBefore + 1);
    }

    @Test
    void aTokenThatMayReadTheRepositoryButNotItsPipelinesIsNotServedThemFromTheSharedTier() {
        String reader = freshCredential();
        String repositoryScopeOnly = freshCredential();
        givenFor(reader, "pipeline-42.json");
        givenFor(repositoryScopeOnly, "repository-api.json");
        readsPipeline42(reader);
        // Bitbucket reads the repository to a token with the repository scope alone, and refuses it its pipelines.
        bitbucket.stubFor(any(urlPathMatching(FakeBitbucket.api(repositoryPath() + "/pipelines.*"))).atPriority(1)
                .withHeader("Authorization", equalTo(repositoryScopeOnly))
                .willReturn(Payloads.response("error-403.json")));
        graphQl(repositoryScopeOnly).document(REPOSITORY).execute().path("repository.slug").entity(String.class)
                .isEqualTo("api");

        graphQl(repositoryScopeOnly).document(PIPELINE).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("FORBIDDEN")))
                .path("pipeline").valueIsNull();
        assertThat(callsBy(repositoryScopeOnly, pipelinePath(PIPELINE_42))).as("its own call").isEqualTo(1);
    }

    @Test
    void aTokenWhoseListingNamesTheRepositoryButThatMayNotReadPipelinesIsNotServedThem() {
        String reader = freshCredential();
        String lister = freshCredential();
        given("workspace-acme.json");
        givenFor(reader, "pipeline-42.json");
        givenFor(lister, "repositories-acme.json");
        bitbucket.stubFor(any(urlPathMatching(FakeBitbucket.api(repositoryPath() + "/pipelines.*"))).atPriority(1)
                .withHeader("Authorization", equalTo(lister)).willReturn(Payloads.response("error-403.json")));
        readsPipeline42(reader);
        graphQl(lister).document(WORKSPACE_LISTING).execute().path("workspace.repositories.nodes[*].slug")
                .entityList(String.class).contains("api");

        graphQl(lister).document(PIPELINE).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("FORBIDDEN")))
                .path("pipeline").valueIsNull();

        assertThat(callsBy(lister, pipelinePath(PIPELINE_42))).as("its own call, refused").isEqualTo(1);
    }

    @Test
    void aTokenProvesItMayReadPipelinesWithOneCallWhateverAColdViewAsksAtOnce() {
        String first = freshCredential();
        String second = freshCredential();
        given("pipeline-42.json");
        given("repository-api.json");
        given("pipelines-newest-first.json");
        givenSlowly(4204, null);
        readsPipeline42(first);
        graphQl(first).document(PIPELINES_LISTING).execute().errors().verify();
        readsBuild(first, 4204);
        graphQl(second).document(REPOSITORY).execute().path("repository.slug").entity(String.class).isEqualTo("api");

        // A cold view's first level: three reads below pipelines/ at once, which the first reader made before.
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> readsPipeline42(second)),
                CompletableFuture.runAsync(() -> graphQl(second).document(PIPELINES_LISTING).execute().errors()
                        .verify()),
                CompletableFuture.runAsync(() -> readsBuild(second, 4204))).join();

        long ownCalls = callsBy(second, pipelinePath(PIPELINE_42)) + callsBy(second, pipelinesPath())
                + callsBy(second, pipelinePath("4204"));
        assertThat(ownCalls).as("one call proves the scope; the others wait for it, then are shared").isEqualTo(1);
    }

    @Test
    void aRepositoryCreatedUnderTheSlugAnotherHadIsNotServedWhatTheOtherHeld() {
        String formerReader = freshCredential();
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinePath("4401"))))
                .withHeader("Authorization", equalTo(formerReader))
                .willReturn(Payloads.response("pipeline-42-by-build-number.json")));
        readsBuild(formerReader, 4401);

        // acme/api is now another repository (another UUID), with no pipelines yet, which the newcomer may read.
        String newcomer = freshCredential();
        ObjectNode recreated = (ObjectNode) JsonMapper.builder().build().readTree(
                Payloads.text("repository-api.json"));
        recreated.put("uuid", "{0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e}");
        bitbucket.stubFor(Payloads.stub("repository-api.json").withHeader("Authorization", equalTo(newcomer))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(recreated.toString())));
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .withHeader("Authorization", equalTo(newcomer))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"values\": [], \"page\": 1, \"pagelen\": 100, \"size\": 0}")));
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinePath("4401"))))
                .withHeader("Authorization", equalTo(newcomer)).willReturn(Payloads.response("error-404.json")));
        graphQl(newcomer).document(PIPELINES_LISTING).execute().path("repository.pipelines.nodes")
                .entityList(Object.class).hasSize(0);

        graphQl(newcomer).document(BUILD.formatted(4401)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("NOT_FOUND")))
                .path("pipeline").valueIsNull();
        assertThat(callsBy(newcomer, pipelinePath("4401"))).as("its own call").isEqualTo(1);
    }

    @Test
    void aReaderWhoLostAccessLeavesNoAbsenceThatOtherReadersAreShown() {
        String reader = freshCredential();
        given("pipeline-42.json");
        given("step-integration-tests.json");
        graphQl(reader).document(TESTS_STEP).execute().errors().verify();
        String lost = provenReader();
        String another = provenReader();
        // Removed from the private repository since it proved access: Bitbucket hides the repository from it.
        bitbucket.stubFor(any(urlPathMatching(FakeBitbucket.api(repositoryPath() + ".*"))).atPriority(1)
                .withHeader("Authorization", equalTo(lost))
                .willReturn(Payloads.response("error-404-repository-hidden.json")));

        graphQl(lost).document(TESTS_REPORT).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("NOT_FOUND")));
        givenFor(another, "test-report-summary.json");

        graphQl(another).document(TESTS_REPORT).execute().path("pipeline.step.testReport.total")
                .entity(Integer.class).isEqualTo(4);
        // Its proof ended with that 404: what another reader fetched since is not served to it.
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinePath("4205"))))
                .willReturn(Payloads.response("pipeline-42.json")));
        readsBuild(another, 4205);
        graphQl(lost).document(BUILD.formatted(4205)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("NOT_FOUND")))
                .path("pipeline").valueIsNull();
        assertThat(callsBy(lost, pipelinePath("4205"))).as("its own call").isEqualTo(1);
    }

    @Test
    void aReaderWhoHasNotProvedAccessMakesItsOwnCallAndIsToldWhatBitbucketTellsIt() {
        String first = freshCredential();
        String stranger = freshCredential();
        givenFor(first, "pipeline-42.json");
        bitbucket.stubFor(Payloads.stub("error-404.json").withHeader("Authorization", equalTo(stranger)));
        readsPipeline42(first);

        graphQl(stranger).document(PIPELINE).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("NOT_FOUND")))
                .path("pipeline").valueIsNull();

        assertThat(callsBy(stranger, pipelinePath(PIPELINE_42))).isEqualTo(1);
    }

    @Test
    void aReaderRefusedSinceItProvedAccessIsNeverServedSharedData() {
        for (String refusal : new String[] {"error-401.json", "error-403.json", "error-404.json"}) {
            String first = freshCredential();
            String lost = freshCredential();
            givenFor(first, "pipeline-42.json");
            givenFor(lost, "repository-api.json");
            readsPipeline42(first);
            readsTheRepository(lost);

            // Bitbucket now refuses this credential in acme/api (access revoked, token expired), here first for
            // a pipeline no reader has fetched, then for the one other readers have shared.
            bitbucket.stubFor(Payloads.stub("pipeline-106-paused-since-2021.json")
                    .withHeader("Authorization", equalTo(lost)).willReturn(Payloads.response(refusal)));
            graphQl(lost).document(PAUSED_PIPELINE).execute().errors()
                    .satisfy(errors -> assertThat(errors).isNotEmpty());
            bitbucket.stubFor(Payloads.stub("pipeline-42.json").withHeader("Authorization", equalTo(lost))
                    .willReturn(Payloads.response(refusal)));

            graphQl(lost).document(PIPELINE).execute()
                    .errors().satisfy(errors -> assertThat(errors).isNotEmpty())
                    .path("pipeline").valueIsNull();
            assertThat(callsBy(lost, pipelinePath(PIPELINE_42))).as(refusal).isEqualTo(1);
        }
    }

    @Test
    void anAbsenceSeenByACallerWithoutProvenAccessIsNotSharedButOneSeenByAProvenReaderIs() {
        String stranger = freshCredential();
        String reader = freshCredential();
        String another = freshCredential();
        String report = stepPath(PIPELINE_42, STEP_BUILD) + "/test_reports";
        given("pipeline-42.json");
        given("step-build.json");
        // The stranger may not see acme/api: Bitbucket answers it 404 for the report too, as for everything there.
        bitbucket.stubFor(Payloads.stub("error-404.json").withHeader("Authorization", equalTo(stranger)));
        bitbucket.stubFor(Payloads.stub("test-report-not-found.json").withHeader("Authorization", equalTo(reader)));
        bitbucket.stubFor(Payloads.stub("test-report-not-found.json").withHeader("Authorization", equalTo(another)));
        givenFor(reader, "repository-api.json");
        givenFor(another, "repository-api.json");

        graphQl(stranger).document(REPORT).execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        readsTheRepository(reader);
        graphQl(reader).document(REPORT).execute().path("pipeline.step.testReport").valueIsNull();
        assertThat(callsBy(reader, report)).as("the stranger's 404 was not shared").isEqualTo(1);

        readsTheRepository(another);
        graphQl(another).document(REPORT).execute().path("pipeline.step.testReport").valueIsNull();
        assertThat(callsBy(another, report)).as("the proven reader's absence was shared").isZero();
    }

    @Test
    void aSecondProvenReaderGetsTheFirstsListingOfRunningPipelinesWithoutACall() {
        String first = freshCredential();
        givenFor(first, "repository-api.json");
        givenFor(first, "pipelines-newest-first.json");
        String second = provenReader();
        graphQl(first).document(PIPELINES_LISTING).execute().path("repository.pipelines.nodes[0].status")
                .entity(String.class).isEqualTo("RUNNING");

        graphQl(second).document(PIPELINES_LISTING).execute().path("repository.pipelines.nodes[0].status")
                .entity(String.class).isEqualTo("RUNNING");

        assertThat(callsBy(second, pipelinesPath())).isZero();
    }

    @Test
    void aReaderWithoutProofOrRefusedSinceNeverGetsARunningPipelineAnotherReaderFetched() {
        String first = freshCredential();
        String stranger = freshCredential();
        String revoked = freshCredential();
        givenFor(first, "pipeline-43-running.json");
        givenFor(stranger, "pipeline-43-running.json");
        givenFor(revoked, "pipeline-43-running.json");
        givenFor(revoked, "repository-api.json");
        // Bitbucket now refuses it in acme/api, here for a pipeline no other reader has fetched.
        bitbucket.stubFor(Payloads.stub("pipeline-106-paused-since-2021.json")
                .withHeader("Authorization", equalTo(revoked)).willReturn(Payloads.response("error-403.json")));
        graphQl(first).document(RUNNING_PIPELINE).execute().path("pipeline.status").entity(String.class)
                .isEqualTo("RUNNING");

        graphQl(stranger).document(RUNNING_PIPELINE).execute().path("pipeline.status").entity(String.class)
                .isEqualTo("RUNNING");
        readsTheRepository(revoked);
        graphQl(revoked).document(PAUSED_PIPELINE).execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        graphQl(revoked).document(RUNNING_PIPELINE).execute().path("pipeline.status").entity(String.class)
                .isEqualTo("RUNNING");

        assertThat(callsBy(stranger, pipelinePath(PIPELINE_43))).as("never proven").isEqualTo(1);
        assertThat(callsBy(revoked, pipelinePath(PIPELINE_43))).as("refused since it proved access").isEqualTo(1);
    }

    @Test
    void aWorkspaceListingProvesAccessToTheRepositoriesItNamesAndToNoOther() {
        String first = freshCredential();
        String lister = freshCredential();
        String other = freshCredential();
        given("workspace-acme.json");
        givenFor(first, "pipeline-42.json");
        givenFor(lister, "repositories-acme.json");
        givenFor(other, "pipeline-42.json");
        // Bitbucket lists only what a credential may read: this one's listing of acme does not name api.
        ObjectNode withoutApi = (ObjectNode) JsonMapper.builder().build().readTree(
                Payloads.text("repositories-acme.json"));
        withoutApi.withArray("values").removeIf(repository -> repository.path("slug").asString().equals("api"));
        withoutApi.put("size", withoutApi.withArray("values").size());
        bitbucket.stubFor(Payloads.stub("repositories-acme.json").withHeader("Authorization", equalTo(other))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(withoutApi.toString())));
        readsPipeline42(first);

        graphQl(lister).document(WORKSPACE_LISTING).execute().path("workspace.repositories.nodes[*].slug")
                .entityList(String.class).contains("api");
        readsAPipelineOfItsOwn(lister);
        readsPipeline42(lister);
        graphQl(other).document(WORKSPACE_LISTING).execute().path("workspace.repositories.nodes[*].slug")
                .entityList(String.class).doesNotContain("api");
        readsAPipelineOfItsOwn(other);
        readsPipeline42(other);

        assertThat(callsBy(lister, pipelinePath(PIPELINE_42))).as("named in its listing").isZero();
        assertThat(callsBy(other, pipelinePath(PIPELINE_42))).as("not named in its listing").isEqualTo(1);
    }

    @Test
    void theRepositoryPathGivesNoSharedAnswerForConfiguration() {
        provenReader();
        String second = provenReader();

        assertThat(callsBy(second, repositoryPath())).isEqualTo(1);
    }

    @Test
    void readersWhoProvedAccessAndAskAtOnceShareOneCall() {
        String first = provenReader();
        String second = provenReader();
        givenSlowly(4201, null);

        atOnce(() -> readsBuild(first, 4201), () -> readsBuild(second, 4201));

        assertThat(bitbucket.findAll(getOf(pipelinePath("4201")))).as("one call for both").hasSize(1);
    }

    @Test
    void aReaderWhoHasNotProvedAccessDoesNotShareAnotherReadersCallMadeAtTheSameTime() {
        String proven = provenReader();
        String stranger = freshCredential();
        givenSlowly(4202, null);

        atOnce(() -> readsBuild(proven, 4202), () -> readsBuild(stranger, 4202));

        assertThat(callsBy(stranger, pipelinePath("4202"))).as("its own call").isEqualTo(1);
    }

    @Test
    void aSharedCallThatFailsForItsReaderIsMadeAgainWithTheOtherReadersOwnCredential() throws InterruptedException {
        String refused = provenReader();
        String reader = provenReader();
        // Since it proved access, the first reader has lost it: Bitbucket refuses it, slowly.
        givenSlowly(4203, null);
        givenSlowly(4203, refused);

        CompletableFuture<Void> refusedView = CompletableFuture.runAsync(() -> graphQl(refused)
                .document(BUILD.formatted(4203)).execute().errors().satisfy(errors -> assertThat(errors)
                        .singleElement().satisfies(error -> assertThat(code(error)).isEqualTo("FORBIDDEN"))));
        Thread.sleep(SLOW_MS / 3);
        readsBuild(reader, 4203);
        refusedView.join();

        assertThat(callsBy(reader, pipelinePath("4203"))).as("its own call, after the other's failed").isEqualTo(1);
    }

    /** A new credential that has read acme/api, and a pipeline, with its own credential, as a dashboard does. */
    private String provenReader() {
        String credential = freshCredential();
        givenFor(credential, "repository-api.json");
        readsTheRepository(credential);
        return credential;
    }

    private static void atOnce(Runnable one, Runnable other) {
        CompletableFuture.allOf(CompletableFuture.runAsync(one), CompletableFuture.runAsync(other)).join();
    }

    private static final int SLOW_MS = 900;
    private static final String BUILD = """
            { pipeline(workspace: "acme", repository: "api", buildNumber: %d) { uuid } }
            """;

    /**
     * Pipeline {@code buildNumber} (a number no other test reads, so nothing holds it yet) answered after
     * {@value #SLOW_MS} ms: to every credential, or with 403 to {@code refusedTo}.
     */
    private void givenSlowly(int buildNumber, String refusedTo) {
        var stub = get(urlPathEqualTo(FakeBitbucket.api(pipelinePath(String.valueOf(buildNumber)))));
        if (refusedTo == null) {
            bitbucket.stubFor(stub.willReturn(Payloads.response("pipeline-42.json").withFixedDelay(SLOW_MS)));
        }
        else {
            bitbucket.stubFor(stub.withHeader("Authorization", equalTo(refusedTo))
                    .willReturn(Payloads.response("error-403.json").withFixedDelay(SLOW_MS)));
        }
    }

    private void readsBuild(String credential, int buildNumber) {
        graphQl(credential).document(BUILD.formatted(buildNumber)).execute().path("pipeline.uuid").entity(String.class)
                .isEqualTo(PIPELINE_42);
    }
}

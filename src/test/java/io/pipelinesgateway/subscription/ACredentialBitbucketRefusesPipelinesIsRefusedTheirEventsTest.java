package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestRedis;
import io.pipelinesgateway.watch.Watchers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bitbucket serves a repository ({@code /repositories/ws/repo}) to a credential with the repository scope alone, and
 * refuses that credential every read below the repository's {@code pipelines/} (403: it lacks
 * {@code read:pipeline:bitbucket}). Such a credential is refused FORBIDDEN when it subscribes to the repository's
 * pipelines, steps or logs, and is fed nothing: not the events the watcher reads with an earlier subscriber's
 * credential, nor a completed log its repository read let it see in the shared tier. A subscription to a whole
 * workspace leaves out the repositories whose pipelines Bitbucket refuses, and is refused when it refuses them all.
 */
class ACredentialBitbucketRefusesPipelinesIsRefusedTheirEventsTest extends GatewayTest {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEW_RUN = "{0f0e0d0c-0b0a-4909-8807-060504030201}";
    private static final String WORKSPACE_STATUSES = """
            subscription { pipelineStatusChanged(workspace: "acme") { status pipeline { uuid } } }""";
    private static final String BUILD_LOG = """
            subscription { stepLogAppended(step: {workspace: "acme", repository: "api", pipelineUuid: "%s",
              uuid: "%s"}) { text complete } }""".formatted(PIPELINE_42, STEP_BUILD);

    @Autowired
    Watchers watchers;

    @DynamicPropertySource
    static void turnTheCacheAndItsSharedTierOnInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.shared", () -> "true");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
    }

    @Test
    void itGetsNoStatusEventsOfARepositoryAnotherSubscriberKeepsWatched() {
        String member = freshCredential();
        String repositoryScopeOnly = freshCredential();
        bitbucket.stubFor(Payloads.stub("repository-api.json"));
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        refusesPipelines(repositoryScopeOnly, "api");

        try (Recorder<JsonNode> admitted = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(url(),
                member, "acme", "api"))) {
            RepositoryKey api = new RepositoryKey("acme", "api");
            long polls = watchers.pollsHere(api);
            await().atMost(WAIT).until(() -> watchers.pollsHere(api) > polls);
            try (Recorder<JsonNode> refused = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(url(),
                    repositoryScopeOnly, "acme", "api"))) {
                Throwable refusal = refused.awaitError(WAIT);

                aNewRunStarts();
                admitted.awaitItem(event -> NEW_RUN.equals(event.path("pipeline").path("uuid").asString(null)), WAIT);

                assertThat(((Subscriptions.Failure) refusal).codes()).containsExactly("FORBIDDEN");
                assertThat(refused.items()).as("events delivered to a credential Bitbucket refuses pipelines")
                        .isEmpty();
                assertThat(admitted.error()).isNull();
            }
        }
    }

    @Test
    void itIsNotGivenACompletedStepsLogThatItsRepositoryReadLetItFindInTheSharedTier() {
        String member = freshCredential();
        String repositoryScopeOnly = freshCredential();
        bitbucket.stubFor(Payloads.stub("repository-api.json"));
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        given("pipeline-42.json");
        given("step-build.json");
        given("step-log-build.txt");
        refusesPipelines(repositoryScopeOnly, "api");
        String log = Payloads.text("step-log-build.txt");
        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), member,
                BUILD_LOG, "stepLogAppended"))) {
            chunks.awaitCompletion(WAIT);
            assertThat(text(chunks.items())).as("the member's log, which the shared tier now holds").isEqualTo(log);
        }

        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(),
                repositoryScopeOnly, BUILD_LOG, "stepLogAppended"))) {
            Throwable refusal = chunks.awaitError(WAIT);

            assertThat(text(chunks.items())).as("log delivered to a credential Bitbucket refuses pipelines")
                    .isEmpty();
            assertThat(((Subscriptions.Failure) refusal).codes()).containsExactly("FORBIDDEN");
        }
    }

    @Test
    void itsSubscriptionToAWorkspaceAnotherSubscriberKeepsWatchedIsRefusedWhenBitbucketRefusesItEveryRepository() {
        String member = freshCredential();
        String repositoryScopeOnly = freshCredential();
        listsTheWorkspacesRepositories();
        bitbucket.stubFor(get(urlPathMatching(FakeBitbucket.api("/repositories/acme/[^/]+/pipelines/")))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        for (String repository : List.of("api", "infra", "mobile", "web")) {
            refusesPipelines(repositoryScopeOnly, repository);
        }

        try (Recorder<JsonNode> admitted = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), member,
                WORKSPACE_STATUSES, "pipelineStatusChanged"))) {
            RepositoryKey api = new RepositoryKey("acme", "api");
            long polls = watchers.pollsHere(api);
            await().atMost(WAIT).until(() -> admitted.error() != null || watchers.pollsHere(api) > polls);
            try (Recorder<JsonNode> refused = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(),
                    repositoryScopeOnly, WORKSPACE_STATUSES, "pipelineStatusChanged"))) {
                Throwable refusal = refused.awaitError(WAIT);

                assertThat(refused.items()).isEmpty();
                assertThat(((Subscriptions.Failure) refusal).codes()).containsExactly("FORBIDDEN");
                assertThat(admitted.error()).isNull();
            }
        }
    }

    @Test
    void aSubscriptionToAWorkspaceLeavesOutARepositoryWhosePipelinesBitbucketRefusesAndFollowsTheOthers() {
        String member = freshCredential();
        listsTheWorkspacesRepositories();
        bitbucket.stubFor(get(urlPathMatching(FakeBitbucket.api("/repositories/acme/[^/]+/pipelines/")))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        refusesPipelines(member, "infra");
        List<RepositoryKey> readable = List.of(new RepositoryKey("acme", "api"), new RepositoryKey("acme", "mobile"),
                new RepositoryKey("acme", "web"));
        List<Long> polls = readable.stream().map(watchers::pollsHere).toList();

        try (Recorder<JsonNode> admitted = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), member,
                WORKSPACE_STATUSES, "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> admitted.error() != null || readable.stream()
                    .allMatch(repository -> watchers.pollsHere(repository) > polls.get(readable.indexOf(repository))));
            await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);

            assertThat(admitted.error()).as("the subscription, ended by the watcher of the refused repository")
                    .isNull();
            assertThat(watchers.hasSubscribers(new RepositoryKey("acme", "infra"))).isFalse();
            assertThat(bitbucket.findAll(getRequestedFor(urlPathEqualTo(FakeBitbucket.api(
                            "/repositories/acme/infra/pipelines/")))).stream()
                    .map(request -> request.queryParameter("pagelen").firstValue()).toList())
                    .as("the refused repository's pipelines, read once by the check and never by a watcher")
                    .containsExactly("1");
        }
    }

    /** From now on Bitbucket answers {@code credential} 403 for everything below the repository's pipelines. */
    private void refusesPipelines(String credential, String repository) {
        bitbucket.stubFor(any(urlPathMatching(FakeBitbucket.api("/repositories/acme/" + repository + "/pipelines.*")))
                .atPriority(1).withHeader("Authorization", equalTo(credential))
                .willReturn(Payloads.response("error-403.json")));
    }

    private void listsTheWorkspacesRepositories() {
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api("/repositories/acme")))
                .willReturn(Payloads.response("repositories-acme.json")));
    }

    /** Bitbucket's newest-first listing now starts with a run it did not have. */
    private void aNewRunStarts() {
        ObjectNode listing = (ObjectNode) JSON.readTree(Payloads.text("pipelines-newest-first.json"));
        ArrayNode values = listing.withArray("values");
        ObjectNode run = (ObjectNode) values.get(0).deepCopy();
        run.put("uuid", NEW_RUN);
        run.put("build_number", 4501);
        values.insert(0, run);
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(listing.toString())));
    }

    private static String text(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.path("text").asString("")));
        return text.toString();
    }

    private static String freshCredential() {
        return "Bearer test-" + UUID.randomUUID();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}

package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static io.pipelinesgateway.support.Fixtures.repositoryPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page with live status reads a repository, then subscribes to it. Its read proved the credential's access within
 * the access window, the proof the shared tier trusts, so the subscription's access check reads the repository
 * through the cache: no call. A page that listed the repository's pipelines holds their first page in its
 * credential's own cache, which is the check of the pipelines: no call either. A credential without that proof is
 * checked with Bitbucket (the repository, and its newest pipeline), and one that Bitbucket has refused since its
 * proof is checked with Bitbucket again, and refused.
 */
class ASubscriberWhoseReadsProvedItsAccessIsNotCheckedAgainTest extends GatewayTest {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REPOSITORY = """
            { repository(workspace: "acme", slug: "api") { slug } }
            """;
    private static final String PIPELINES = """
            { repository(workspace: "acme", slug: "api") { slug pipelines(first: 5) { nodes { uuid } } } }
            """;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void turnTheSharedTierOnInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.shared", () -> "true");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
        // Each subscription below is checked on its own, not admitted by the one before.
        registry.add("gateway.subscriptions.access-check-reuse", () -> "1ms");
    }

    @Test
    void aReaderWhoJustProvedItsAccessSubscribesWithoutACallAndAStrangerIsChecked() {
        String reader = "Bearer test-" + UUID.randomUUID();
        String stranger = "Bearer test-" + UUID.randomUUID();
        bitbucket.stubFor(Payloads.stub("repository-api.json"));
        // What the watcher polls once the subscriptions are admitted.
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        graphQl(reader).document(REPOSITORY).execute().path("repository.slug").entity(String.class).isEqualTo("api");
        assertThat(repositoryReadsBy(reader)).isEqualTo(1);

        subscribe(reader);
        subscribe(stranger);

        assertThat(repositoryReadsBy(reader)).as("the reader's check, through the cache").isEqualTo(1);
        assertThat(repositoryReadsBy(stranger)).as("the stranger's check, with Bitbucket").isEqualTo(1);
    }

    @Test
    void aReaderWhosePageListedThePipelinesSubscribesWithoutACallAndAStrangersCheckReadsTheNewestPipeline() {
        String reader = "Bearer test-" + UUID.randomUUID();
        String stranger = "Bearer test-" + UUID.randomUUID();
        bitbucket.stubFor(Payloads.stub("repository-api.json"));
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        graphQl(reader).document(PIPELINES).execute().errors().verify();

        subscribe(reader);
        subscribe(stranger);

        assertThat(repositoryReadsBy(reader)).as("the reader's check of the repository, through the cache")
                .isEqualTo(1);
        assertThat(pipelinesChecksBy(reader)).as("the reader's check of the pipelines, by the page it listed")
                .isZero();
        assertThat(pipelinesChecksBy(stranger)).as("the stranger's check: its newest pipeline, with Bitbucket")
                .isEqualTo(1);
    }

    @Test
    void aReaderRefusedSinceItsProofIsCheckedWithBitbucketAgainAndRefused() {
        String reader = "Bearer test-" + UUID.randomUUID();
        bitbucket.stubFor(Payloads.stub("repository-api.json"));
        graphQl(reader).document(REPOSITORY).execute().path("repository.slug").entity(String.class).isEqualTo("api");

        // Bitbucket refuses the reader now: its next read below the repository takes the proof back.
        bitbucket.stubFor(Payloads.stub("error-403.json").withHeader("Authorization", equalTo(reader)));
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(repositoryPath())))
                .withHeader("Authorization", equalTo(reader)).willReturn(Payloads.response("error-403.json")));
        // Everywhere in the repository: the check reads its pipelines beside it, and either may answer first.
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(pipelinesPath())))
                .withHeader("Authorization", equalTo(reader)).willReturn(Payloads.response("error-403.json")));
        graphQl(reader).document("""
                { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
                """.formatted(PIPELINE_42)).execute();

        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(
                "http://127.0.0.1:" + port, reader, "acme", "api"))) {
            Throwable refusal = events.awaitError(WAIT);
            assertThat(((Subscriptions.Failure) refusal).codes()).isEqualTo(List.of("FORBIDDEN"));
        }
        assertThat(repositoryReadsBy(reader)).as("the check, with Bitbucket").isEqualTo(2);
    }

    /** Subscribes as {@code credential} to acme/api's statuses, and waits until the gateway has admitted it. */
    private void subscribe(String credential) {
        double before = watchedSubscriptions();
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(
                "http://127.0.0.1:" + port, credential, "acme", "api"))) {
            await().atMost(WAIT).until(() -> events.error() != null || watchedSubscriptions() > before);
            assertThat(events.error()).isNull();
        }
        await().atMost(WAIT).until(() -> watchedSubscriptions() <= before);
    }

    /** The subscription checks' reads of acme/api's pipelines: its newest one, as {@code credential}. */
    private long pipelinesChecksBy(String credential) {
        return bitbucket.findAll(getOf(pipelinesPath())).stream()
                .filter(request -> credential.equals(request.getHeader("Authorization")))
                .filter(request -> "1".equals(request.queryParameter("pagelen").firstValue())).count();
    }

    private long repositoryReadsBy(String credential) {
        return bitbucket.findAll(getOf(repositoryPath())).stream()
                .filter(request -> credential.equals(request.getHeader("Authorization"))).count();
    }

    private double watchedSubscriptions() {
        return meters.get("gateway.watch.subscriptions").gauge().value();
    }
}

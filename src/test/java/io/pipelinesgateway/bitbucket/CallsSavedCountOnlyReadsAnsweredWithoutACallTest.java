package io.pipelinesgateway.bitbucket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_40;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's {@code rateLimit.callsSaved} counts the reads answered without an upstream call: from the cache, or
 * joined to an identical call already in flight. A read refused (its request's budget of calls spent) or failed was
 * not answered, so it saved nothing, though it counts among the reads.
 */
class CallsSavedCountOnlyReadsAnsweredWithoutACallTest extends GatewayTest {

    private static final String PIPELINES = """
            { %s }
            """;

    @Autowired
    private BitbucketRateLimits rateLimits;

    @DynamicPropertySource
    static void cacheInThisProcessAndOneCallPerRequest(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.shared", () -> "false");
        registry.add("gateway.graphql.max-upstream-calls", () -> "1");
    }

    /** A caller of its own, whose cache entries no other test reads. */
    private HttpGraphQlTester freshCaller() {
        return graphQl("Bearer test-" + UUID.randomUUID());
    }

    private static String pipelines(String... uuids) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < uuids.length; i++) {
            fields.append("p").append(i).append(": pipeline(workspace: \"acme\", repository: \"api\", uuid: \"")
                    .append(uuids[i]).append("\") { buildNumber } ");
        }
        return PIPELINES.formatted(fields);
    }

    @Test
    void aReadRefusedByTheRequestsBudgetIsNotACallSaved() {
        given("pipeline-42.json");
        given("pipeline-43-running.json");
        given("pipeline-40-pull-request.json");
        HttpGraphQlTester caller = freshCaller();
        BitbucketRateLimits.Status before = rateLimits.status("acme");

        caller.document(pipelines(PIPELINE_42)).execute().errors().verify();
        // #42 from the cache, #43 the one call the budget allows, #40 refused.
        List<ResponseError> errors = new ArrayList<>();
        caller.document(pipelines(PIPELINE_42, PIPELINE_43, PIPELINE_40)).execute().errors()
                .satisfy(errors::addAll);

        assertThat(errors).singleElement().satisfies(error ->
                assertThat(code(error)).isEqualTo("UPSTREAM_BUDGET_EXCEEDED"));
        BitbucketRateLimits.Status after = rateLimits.status("acme");
        assertThat(after.reads() - before.reads()).isEqualTo(4);
        assertThat(after.upstreamCalls() - before.upstreamCalls()).isEqualTo(2);
        assertThat(after.callsSaved() - before.callsSaved()).as("only #42's second read").isEqualTo(1);
    }

    @Test
    void aListingReadAgainWhileFreshIsACallSaved() {
        given("repository-api.json");
        given("pipelines-newest-first.json");
        HttpGraphQlTester caller = freshCaller();
        String listing = """
                { repository(workspace: "acme", slug: "api") { pipelines(first: 5) { nodes { buildNumber } } } }""";
        // One call a request: the repository first, then its listing.
        caller.document("{ repository(workspace: \"acme\", slug: \"api\") { slug } }").execute().errors().verify();
        caller.document(listing).execute().errors().verify();
        BitbucketRateLimits.Status before = rateLimits.status("acme");

        caller.document(listing).execute().errors().verify();

        BitbucketRateLimits.Status after = rateLimits.status("acme");
        assertThat(after.upstreamCalls() - before.upstreamCalls()).isZero();
        assertThat(after.reads() - before.reads()).isPositive();
        assertThat(after.callsSaved() - before.callsSaved()).isEqualTo(after.reads() - before.reads());
    }

    @Test
    void aReadJoinedToAnIdenticalCallInFlightIsACallSaved() {
        // A slow answer keeps the first request's call in flight while the second one asks the same.
        given("pipeline-40-pull-request.json", response -> response.withFixedDelay(500));
        HttpGraphQlTester caller = freshCaller();
        BitbucketRateLimits.Status before = rateLimits.status("acme");

        List<Integer> buildNumbers = Flux.range(0, 2)
                .flatMap(i -> Mono.fromCallable(() -> caller.document(pipelines(PIPELINE_40)).execute()
                                .errors().verify().path("p0.buildNumber").entity(Integer.class).get())
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(buildNumbers).containsExactly(40, 40);
        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_40)))).hasSize(1);
        BitbucketRateLimits.Status after = rateLimits.status("acme");
        assertThat(after.reads() - before.reads()).isEqualTo(2);
        assertThat(after.upstreamCalls() - before.upstreamCalls()).isEqualTo(1);
        assertThat(after.callsSaved() - before.callsSaved()).isEqualTo(1);
    }
}

package io.pipelinesgateway.security;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: every client spends the workspace's one Bitbucket credential, so each has a budget of upstream calls
 * a minute. A query of many aliases gets what its client's budget allows, the rest RATE_LIMITED with
 * {@code retryAfter} and no call; another client keeps its own budget; each client's spend is a metric named by the
 * key's configured name, never by the key.
 */
class EachServiceClientHasABudgetOfUpstreamCallsTest extends KeysOnlyServiceModeTest {

    /** Five aliases, each a repository of its own: five upstream calls. */
    private static final String FIVE_REPOSITORIES = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> "r" + i + ": repository(workspace: \"acme\", slug: \"repo-" + i + "\") { slug }")
            .collect(Collectors.joining(" ", "{ ", " }"));

    @Test
    void aClientPastItsBudgetIsRefusedWithRetryAfterWithoutCallingBitbucketAndAnotherClientIsNot() {
        bitbucket.stubFor(get(urlPathMatching(".*/repositories/acme/repo-[0-9]+")).willReturn(
                Payloads.response("repository-api.json")));

        GraphQlTester.Response portal = withApiKey(PORTAL_KEY).document(FIVE_REPOSITORIES).execute();

        portal.errors().satisfy(errors -> {
            assertThat(errors).hasSize(5 - UPSTREAM_CALLS_PER_MINUTE);
            assertThat(errors).extracting(error -> code(error)).containsOnly("RATE_LIMITED");
            assertThat(errors).allSatisfy(error -> assertThat(((Number) error.getExtensions().get("retryAfter"))
                    .longValue()).isBetween(1L, 60L));
        });
        assertThat(upstreamRequests()).hasSize(UPSTREAM_CALLS_PER_MINUTE);

        withApiKey(OPS_KEY).document("{ repository(workspace: \"acme\", slug: \"repo-9\") { slug } }").execute()
                .errors().verify();
        assertThat(upstreamRequests()).hasSize(UPSTREAM_CALLS_PER_MINUTE + 1);

        String metrics = prometheus();
        assertThat(metrics)
                .contains("gateway_client_upstream_calls_total{client=\"portal\",outcome=\"spent\"} 3.0")
                .contains("gateway_client_upstream_calls_total{client=\"portal\",outcome=\"refused\"} 2.0")
                .contains("gateway_client_upstream_calls_total{client=\"ops\",outcome=\"spent\"} 1.0")
                .doesNotContain(PORTAL_KEY);
    }
}

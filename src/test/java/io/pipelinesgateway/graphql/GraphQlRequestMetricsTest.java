package io.pipelinesgateway.graphql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring for GraphQL's observations reach {@code /actuator/prometheus}: each request in
 * {@code graphql_request_seconds} by operation type and outcome (with histogram buckets), each field fetched by a
 * controller in {@code graphql_datafetcher_seconds} by field name. Their labels hold bounded values only: never the
 * operation's name, the query or the credential, which no series of the gateway carries. A DataLoader's load of one
 * key is not observed on its own: it is a cache hit or an upstream call, each counted and timed by the gateway.
 */
class GraphQlRequestMetricsTest extends GatewayTest {

    private static final Pattern GRAPHQL_SERIES = Pattern.compile("(?m)^graphql_\\w+\\{([^}]*)}");
    private static final Pattern ANY_SERIES = Pattern.compile("(?m)^\\w+\\{([^}]*)}");

    @Test
    void requestsAndFieldsAreTimedByOperationTypeAndFieldWithoutTheQueryOrCredential() {
        given("workspace-acme.json");

        graphQl.document("""
                        query MetricsTestSecretLookingOperation {
                          workspace(slug: "acme") { slug rateLimit { limit } } }
                        """)
                .execute().path("workspace.slug").entity(String.class).isEqualTo("acme");

        String scrape = prometheus();
        assertThat(scrape).containsPattern(
                "(?m)^graphql_request_seconds_count\\{[^}]*graphql_operation_type=\"query\"[^}]*} \\d+");
        assertThat(scrape).containsPattern(
                "(?m)^graphql_request_seconds_count\\{[^}]*graphql_outcome=\"SUCCESS\"[^}]*} \\d+");
        assertThat(scrape).as("buckets for percentiles across replicas").containsPattern(
                "(?m)^graphql_request_seconds_bucket\\{[^}]*le=\"[^\"]+\"[^}]*} \\d+");
        assertThat(scrape).containsPattern(
                "(?m)^graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"rateLimit\"[^}]*} \\d+");

        assertThat(labels(scrape, GRAPHQL_SERIES)).isNotEmpty()
                .noneMatch(label -> label.contains("acme"));
        assertThat(labels(scrape, ANY_SERIES)).isNotEmpty()
                .noneMatch(label -> label.contains("MetricsTestSecretLookingOperation"))
                .noneMatch(label -> label.contains("rateLimit {"))
                .noneMatch(label -> label.contains(Fixtures.BEARER_TOKEN));
    }

    @Test
    void aKeyLoadedThroughADataLoaderIsTimedAsItsUpstreamCallNotAlsoAsALoad() {
        given("workspace-acme.json");

        graphQl.document("{ workspace(slug: \"acme\") { slug } }")
                .execute().path("workspace.slug").entity(String.class).isEqualTo("acme");

        String scrape = prometheus();
        assertThat(scrape).containsPattern("(?m)^gateway_upstream_latency_seconds_count\\{[^}]*} \\d+");
        assertThat(scrape).doesNotContain("graphql_dataloader_seconds");
    }

    private static List<String> labels(String scrape, Pattern series) {
        Matcher matcher = series.matcher(scrape);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}

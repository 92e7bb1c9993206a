package io.pipelinesgateway.persistedquery;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.errorCode;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.hashOnly;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.post;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.sha256;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hash is no way around the query limits: a persisted query too deep is refused QUERY_TOO_DEEP each time it is
 * sent, by hash too, and one too long is refused QUERY_TOO_LARGE and never kept. None of them reaches Bitbucket.
 */
class PersistedQueriesAreHeldToTheQueryLimitsTest extends GatewayTest {

    /** Four fields deep: {@code pipeline { repository { workspace { slug } } } }. */
    private static final String FOUR_DEEP = """
            { pipeline(workspace: "acme", repository: "api", buildNumber: 1) { repository { workspace { slug } } } }""";

    @DynamicPropertySource
    static void shallowAndShortQueriesOnly(DynamicPropertyRegistry registry) {
        registry.add("gateway.graphql.max-depth", () -> "3");
        registry.add("gateway.graphql.max-query-length", () -> "200");
    }

    @Test
    void aPersistedQueryTooDeepIsRefusedWhenRegisteredAndWhenSentByHash() {
        String query = FOUR_DEEP + " # " + System.nanoTime();
        String hash = sha256(query);
        WebTestClient graphQl = http(Fixtures.bearer(), "/graphql");

        assertThat(errorCode(post(graphQl, withQuery(query, hash)))).isEqualTo("QUERY_TOO_DEEP");
        assertThat(errorCode(post(graphQl, hashOnly(hash)))).as("kept, and refused again").isEqualTo("QUERY_TOO_DEEP");
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aQueryTooLongIsRefusedAndNeverKept() {
        String query = "{ __typename }" + " ".repeat(200) + "# " + System.nanoTime();
        String hash = sha256(query);
        WebTestClient graphQl = http(Fixtures.bearer(), "/graphql");

        assertThat(errorCode(post(graphQl, withQuery(query, hash)))).isEqualTo("QUERY_TOO_LARGE");
        assertThat(errorCode(post(graphQl, hashOnly(hash)))).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }
}

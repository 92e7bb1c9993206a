package io.pipelinesgateway.persistedquery;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.errorCode;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.hashOnly;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.post;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.sha256;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gateway.persisted-queries.enabled=false} a hash alone is answered PersistedQueryNotSupported, which
 * makes Apollo Client send every query's text from then on; a query sent with its text runs as ever.
 */
class PersistedQueriesTurnedOffTest extends GatewayTest {

    @DynamicPropertySource
    static void turnedOff(DynamicPropertyRegistry registry) {
        registry.add("gateway.persisted-queries.enabled", () -> "false");
    }

    @Test
    void aHashAloneIsNotSupportedAndAQueryWithItsTextRuns() {
        String query = "{ __typename }";
        String hash = sha256(query);

        JsonNode refused = post(http(Fixtures.bearer(), "/graphql"), hashOnly(hash));
        assertThat(errorCode(refused)).isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
        assertThat(refused.path("errors").get(0).path("message").asString()).isEqualTo("PersistedQueryNotSupported");

        JsonNode ran = post(http(Fixtures.bearer(), "/graphql"), withQuery(query, hash));
        assertThat(ran.path("data").path("__typename").asString()).isEqualTo("Query");
        assertThat(errorCode(post(http(Fixtures.bearer(), "/graphql"), hashOnly(hash))))
                .as("and nothing was kept").isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
    }
}

package io.pipelinesgateway.security;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's filters, authentications and authorizations are not observed one by one (that cost a tenth of
 * the CPU of a small request), while the requests themselves stay timed.
 */
class SecurityFiltersAreNotTimedOneByOneTest extends GatewayTest {

    @Test
    void aRequestIsTimedButNotEachOfItsSecurityFilters() {
        graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");

        String scrape = prometheus();
        assertThat(scrape).containsPattern("(?m)^graphql_request_seconds_count\\{");
        assertThat(scrape).doesNotContainPattern("(?m)^spring_security_\\w+");
    }
}

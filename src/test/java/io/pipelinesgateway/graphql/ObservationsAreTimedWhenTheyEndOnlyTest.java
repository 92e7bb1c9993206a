package io.pipelinesgateway.graphql;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests and fields are timed when they end, without a long-task timer counting each one while it runs: looking
 * that timer up as every field and upstream call starts cost more than the timing itself.
 */
class ObservationsAreTimedWhenTheyEndOnlyTest extends GatewayTest {

    @Test
    void aRequestIsTimedWithoutATimerOfTheRequestsInFlight() {
        graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");

        String scrape = prometheus();
        assertThat(scrape).containsPattern("(?m)^graphql_request_seconds_count\\{");
        assertThat(scrape).doesNotContainPattern("(?m)^\\w+_active_seconds\\w*\\{");
    }
}

package io.pipelinesgateway.limits;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's dashboard query (three levels of connections, each pipeline's steps with their logs, test reports
 * and failed tests) is within every default limit: it runs and reaches Bitbucket.
 */
class QueryWithinTheLimitsRunsTest extends RecordingUpstreamGatewayTest {

    @Test
    void theReadmeDashboardQueryIsNotRefusedAndCallsUpstream() {
        graphQl().document(Queries.readmeDashboard()).execute().errors().satisfy(errors ->
                assertThat(errors).extracting(error -> String.valueOf(error.getExtensions().get("code")))
                        .noneMatch(code -> code.startsWith("QUERY_TOO_")));
        assertThat(upstreamRequests()).isNotEmpty();
    }
}

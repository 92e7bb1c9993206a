package io.pipelinesgateway.limits;

import java.util.List;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_40;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request may make only so many Bitbucket calls: past its budget, the remaining fields fail with
 * UPSTREAM_BUDGET_EXCEEDED and no further call is made, while what was read is still answered. The next request has
 * a budget of its own.
 */
class UpstreamBudgetTest extends GatewayTest {

    private static final String THREE_PIPELINES = """
            { a: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
              b: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
              c: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42, PIPELINE_43, PIPELINE_40);

    @DynamicPropertySource
    static void twoCallsPerRequest(DynamicPropertyRegistry registry) {
        registry.add("gateway.graphql.max-upstream-calls", () -> "2");
    }

    @Test
    void aRequestPastItsBudgetGetsTheFieldsItCouldAffordAndAClearErrorForTheRest() {
        given("pipeline-42.json");
        given("pipeline-43-running.json");
        given("pipeline-40-pull-request.json");

        for (int request = 0; request < 2; request++) {
            List<ResponseError> errors = new java.util.ArrayList<>();
            graphQl.document(THREE_PIPELINES).execute().errors().satisfy(errors::addAll);

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(code(error)).isEqualTo("UPSTREAM_BUDGET_EXCEEDED");
                assertThat(error.getMessage()).contains("2 Bitbucket calls");
            });
            assertThat(upstreamRequests()).as("no call past the budget").hasSize(2 * (request + 1));
        }
    }
}

package io.pipelinesgateway.insights;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A window that ends before it begins is refused as BAD_USER_INPUT before any upstream call. */
class InsightsWindowMustBeginBeforeItEndsTest extends GatewayTest {

    @Test
    void aBackwardWindowIsRefusedWithoutAnUpstreamCall() {
        graphQl.document("""
                        { insights(window: {from: "2026-11-23T00:00:00Z", to: "2026-11-16T00:00:00Z"}) {
                            pipelinesCovered } }""")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("'window.from' must be before 'window.to'");
                }));

        assertThat(upstreamRequests()).isEmpty();
    }
}

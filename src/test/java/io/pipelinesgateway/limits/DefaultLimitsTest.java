package io.pipelinesgateway.limits;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults in {@code application.yml} leave room for the README's dashboard query: three levels of connections
 * with every pipeline's steps, logs, test reports and failed tests' reasons.
 */
class DefaultLimitsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> graphqlDefaults() throws IOException {
        try (InputStream in = DefaultLimitsTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) root.get("gateway")).get("graphql");
        }
    }

    @Test
    void theReadmeDashboardIsWithinTheDefaultComplexity() throws IOException {
        Map<String, Object> defaults = graphqlDefaults();
        long cost = QueryCost.of(Queries.traverse(Queries.readmeDashboard()),
                ((Number) defaults.get("assumed-list-size")).intValue());

        // 5 workspaces × 3 repositories × 5 pipelines × 5 steps, each with 5 failed tests of 5 reasons: 12,995.
        assertThat(cost).isEqualTo(12_995)
                .isLessThanOrEqualTo(((Number) defaults.get("max-complexity")).longValue());
    }

    @Test
    void theReadmeDashboardIsWithinTheDefaultDepth() throws IOException {
        assertThat(QueryDepth.of(Queries.traverse(Queries.readmeDashboard())))
                .isLessThanOrEqualTo(((Number) graphqlDefaults().get("max-depth")).intValue());
    }
}

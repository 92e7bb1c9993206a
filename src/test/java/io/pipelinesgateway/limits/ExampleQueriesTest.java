package io.pipelinesgateway.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example queries under {@code examples/} (which Backstage integrations copy) are valid against the schema with
 * the variables their {@code # Variables:} line gives, and run within the default limits.
 */
class ExampleQueriesTest {

    private static final Pattern VARIABLES = Pattern.compile("^# Variables: (\\{.*})$", Pattern.MULTILINE);

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyExampleIsValidAndWithinTheDefaultLimits() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).extracting(file -> file.getFileName().toString()).contains(
                "dashboard.graphql", "pipeline-failed-tests.graphql", "repository-branch-pipelines.graphql",
                "log-tail.graphql");
        QueryLimitsProperties defaults = Queries.shippedLimits();
        for (Path example : examples) {
            String query = Files.readString(example);
            Matcher variables = VARIABLES.matcher(query);
            assertThat(variables.find()).as(example + " has a '# Variables: {...}' line").isTrue();
            Map<String, Object> values = JsonMapper.shared().readValue(variables.group(1), Map.class);

            assertThat(query.length()).as(example + " length").isLessThanOrEqualTo(defaults.maxQueryLength());
            assertThat(QueryDepth.of(Queries.traverse(query, values))).as(example + " depth")
                    .isLessThanOrEqualTo(defaults.maxDepth());
            assertThat(QueryCost.of(Queries.traverse(query, values), defaults.assumedListSize()))
                    .as(example + " complexity").isLessThanOrEqualTo(defaults.maxComplexity());
        }
    }
}

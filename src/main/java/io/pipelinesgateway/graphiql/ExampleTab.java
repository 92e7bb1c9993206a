package io.pipelinesgateway.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One of the example queries under {@code examples/} (packaged into {@code graphiql/examples/}), as a GraphiQL tab
 * with the variables its {@code # Variables:} line gives: GraphiQL opens with queries known to run (a test keeps
 * them valid), and each exists once, in the file people also copy.
 *
 * @param name      the file's name, e.g. {@code dashboard.graphql}
 * @param query     the file's text
 * @param variables the JSON of its {@code # Variables:} line, or null
 */
record ExampleTab(String name, String query, String variables) {

    /** The README's first query comes first; the others follow by name. */
    private static final String FIRST = "dashboard.graphql";
    private static final Pattern VARIABLES = Pattern.compile("^# Variables: (\\{.*})$", Pattern.MULTILINE);

    static List<ExampleTab> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:graphiql/examples/*.graphql");
            return Arrays.stream(files)
                    .map(ExampleTab::of)
                    .sorted(Comparator.comparing((ExampleTab tab) -> !tab.name().equals(FIRST))
                            .thenComparing(ExampleTab::name))
                    .toList();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static ExampleTab of(Resource file) {
        try {
            String query = file.getContentAsString(StandardCharsets.UTF_8);
            Matcher variables = VARIABLES.matcher(query);
            return new ExampleTab(file.getFilename(), query, variables.find() ? variables.group(1) : null);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

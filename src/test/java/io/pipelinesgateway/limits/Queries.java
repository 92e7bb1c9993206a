package io.pipelinesgateway.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.analysis.QueryTraverser;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.pipelinesgateway.support.ShippedSettings;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries for the limits' tests: the gateway's schema as it ships, operations checked against it, and the README's
 * dashboard query read from the README itself, so the tests follow the README when it changes.
 */
final class Queries {

    private static final GraphQLSchema SCHEMA = loadSchema();

    private Queries() {
    }

    /** A traverser over a query that must be valid against the gateway's schema. */
    static QueryTraverser traverse(String query) {
        return traverse(query, Map.of());
    }

    /** As {@link #traverse(String)}, with variables (coerced against the operation's definitions). */
    static QueryTraverser traverse(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        List<ValidationError> errors = new Validator().validateDocument(SCHEMA, document, Locale.ROOT);
        assertThat(errors).as("validation errors of the test's query").isEmpty();
        return QueryTraverser.newQueryTraverser()
                .schema(SCHEMA)
                .document(document)
                .variables(variables)
                .build();
    }

    /** The limits as the gateway ships them: their record's defaults, and what {@code application.yml} sets. */
    static QueryLimitsProperties shippedLimits() {
        return ShippedSettings.bind("gateway.graphql", QueryLimitsProperties.class, "application.yml");
    }

    /** The {@code query Dashboard} block of the README's "A first query". */
    static String readmeDashboard() {
        return graphqlBlockOf(Path.of("README.md"), "query Dashboard");
    }

    /** The first fenced {@code graphql} block of a markdown file that contains {@code marker}. */
    static String graphqlBlockOf(Path markdown, String marker) {
        try {
            Matcher blocks = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(markdown));
            while (blocks.find()) {
                if (blocks.group(1).contains(marker)) {
                    return blocks.group(1);
                }
            }
            throw new AssertionError(markdown + " has no graphql block containing " + marker);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Every schema file the gateway ships ({@code schema/*.graphqls}), as the application loads them. */
    private static GraphQLSchema loadSchema() {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
                try (InputStream in = file.getInputStream()) {
                    registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}

package io.pipelinesgateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.SerializationError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.ResultPath;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLNonNull;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the gateway answers with carries {@code extensions.code}, whichever part raised it: graphql-java's
 * parser, validation and variable coercion, the query limits, the resolvers (an upstream failure, a missing
 * resource), and graphql-java's own errors while completing an answer (a null in a non-null field, a value its
 * scalar cannot hold), which the gateway never raises itself.
 */
class EveryErrorCarriesACodeTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PIPELINE = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }""".formatted(PIPELINE_42);

    @Test
    void everyErrorOnEveryPathCarriesACode() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a syntax error", answerCode(Map.of("query", "{ pipeline(")));
        expected.put("an unknown field", answerCode(Map.of("query", "{ pipelin }")));
        expected.put("a missing argument", answerCode(Map.of("query", "{ workspace { slug } }")));
        expected.put("a missing variable", answerCode(Map.of("query",
                "query ($slug: String!) { workspace(slug: $slug) { slug } }")));
        expected.put("an Int variable out of range", answerCode(Map.of("query",
                "query ($first: Int) { workspaces(first: $first) { totalCount } }",
                "variables", Map.of("first", 99_999_999_999L))));
        expected.put("a variable of the wrong type", answerCode(Map.of("query",
                "query ($first: Int) { workspaces(first: $first) { totalCount } }",
                "variables", Map.of("first", "many"))));
        expected.put("an unknown operation name", answerCode(Map.of("query", "query A { __typename }",
                "operationName", "B")));
        expected.put("a query over the length limit", answerCode(Map.of("query",
                "{ __typename } #" + "x".repeat(20_001))));
        given("error-500.json");
        expected.put("an upstream failure", answerCode(Map.of("query", PIPELINE)));
        bitbucket.resetAll();
        given("error-404.json");
        expected.put("a missing resource", answerCode(Map.of("query", PIPELINE)));

        assertThat(expected).containsExactly(
                Map.entry("a syntax error", "GRAPHQL_PARSE_FAILED"),
                Map.entry("an unknown field", "GRAPHQL_VALIDATION_FAILED"),
                Map.entry("a missing argument", "GRAPHQL_VALIDATION_FAILED"),
                Map.entry("a missing variable", "BAD_USER_INPUT"),
                Map.entry("an Int variable out of range", "BAD_USER_INPUT"),
                Map.entry("a variable of the wrong type", "BAD_USER_INPUT"),
                Map.entry("an unknown operation name", "BAD_USER_INPUT"),
                Map.entry("a query over the length limit", "QUERY_TOO_LARGE"),
                Map.entry("an upstream failure", "UPSTREAM_UNAVAILABLE"),
                Map.entry("a missing resource", "NOT_FOUND"));
    }

    @Test
    void aNullInANonNullFieldIsAnInternalError() {
        ExecutionStepInfo field = ExecutionStepInfo.newExecutionStepInfo()
                .type(GraphQLNonNull.nonNull(Scalars.GraphQLInt))
                .path(ResultPath.parse("/pipeline/buildNumber"))
                .build();
        GraphQLError error = new NonNullableFieldWasNullError(new NonNullableFieldWasNullException(field,
                ResultPath.parse("/pipeline/buildNumber")));

        assertThat(EveryErrorHasACode.codeOf(error)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void aValueItsScalarCannotHoldIsAnInternalError() {
        GraphQLError error = new SerializationError(ResultPath.parse("/pipeline/durationSeconds"),
                new CoercingSerializeException("Expected a value that can be converted to type 'Int' but it was a "
                        + "'Long'"));

        assertThat(EveryErrorHasACode.codeOf(error)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void aValueOfTheWrongKindIsNamedAsJsonNamesItNotAsJavaDoes() {
        String object = firstMessage(Map.of("query", "query($s: String!) { workspace(slug: $s) { slug } }",
                "variables", Map.of("s", Map.of("a", 1))));
        String list = firstMessage(Map.of("query", "query($s: String!) { workspace(slug: $s) { slug } }",
                "variables", Map.of("s", List.of(1, 2))));
        String literal = firstMessage(Map.of("query",
                "{ repository(workspace: \"acme\", slug: \"api\") { pipelines(first: 99999999999999) { nodes { buildNumber } } } }"));

        assertThat(object).contains("an object").doesNotContain("LinkedHashMap");
        assertThat(list).contains("a list").doesNotContain("ArrayList");
        assertThat(literal).contains("99999999999999").doesNotContain("IntValue");
    }

    @Test
    void anInputObjectOrListWrittenInTheQueryIsNotPrintedAsASyntaxTree() {
        String object = firstMessage(Map.of("query", """
                mutation { runPipeline(input: {workspace: "acme", repository: "api",
                    target: {ref: {type: BRANCH, refName: "main"}}}) { pipeline { buildNumber } } }"""));
        String list = firstMessage(Map.of("query",
                "{ node(id: [\"a\", {b: 1}]) { id } }"));

        assertThat(object).contains("'input.target.ref'").contains("'type'")
                .doesNotContain("ObjectValue").doesNotContain("ObjectField");
        assertThat(list).doesNotContain("ArrayValue").doesNotContain("ObjectValue").doesNotContain("StringValue");
    }

    /** The message of the answer's first error. */
    private String firstMessage(Map<String, Object> request) {
        byte[] body = http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).path("errors").get(0).path("message").asString();
    }

    /** The code of the answer's errors, once each is shown to carry one, and the same one. */
    private String answerCode(Map<String, Object> request) {
        byte[] body = http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode errors = JSON.readTree(body).path("errors");
        assertThat(errors.isEmpty()).as("errors of %s", request.get("query")).isFalse();
        errors.forEach(error -> assertThat(error.path("extensions").path("code").asString())
                .as("the code of %s", error).isNotBlank());
        return errors.get(0).path("extensions").path("code").asString();
    }
}

package io.pipelinesgateway.graphql;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever is sent to {@code /graphql}, the answer is a GraphQL response whose errors carry {@code extensions.code}
 * and the request id, with the statuses of the GraphQL-over-HTTP spec: a request that is not a GraphQL request is a
 * 4xx under either media type; under {@code application/graphql-response+json} one that could not run is a 400;
 * under the legacy {@code application/json} it is a 200; a mutation over GET is a 405 that allows POST.
 */
class EveryAnswerOfGraphqlIsAGraphQlResponseTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "{}", "{\"query\":", "[{\"query\": \"{ __typename }\"}]", "42",
            "{\"query\": 7}", "{\"query\": \"{ __typename }\", \"variables\": [1]}",
            "{\"query\": \"{ __typename }\", \"operationName\": {}}",
            "{\"query\": \"{ __typename }\", \"extensions\": {\"persistedQuery\": \"x\"}}",
            "{\"extensions\": {\"persistedQuery\": [1]}}", "{\"extensions\": {\"persistedQuery\": {}}}",
            "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"xyz\"}}}",
            "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": 5}}}",
            "{\"query\": \"{ __typename }\", \"extensions\": {\"persistedQuery\": {\"version\": 2, "
                    + "\"sha256Hash\": \"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}}"})
    void aBodyThatIsNotAGraphQlRequestIsA400WithACode(String body) {
        EntityExchangeResult<byte[]> answer = post(MediaType.APPLICATION_JSON, body, MediaType.APPLICATION_JSON);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertOneError(answer, "BAD_REQUEST");
    }

    @Test
    void aBodyOfAnotherContentTypeIsA415WithACode() {
        EntityExchangeResult<byte[]> answer = post(MediaType.TEXT_PLAIN, "{ __typename }",
                MediaType.APPLICATION_JSON);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(assertOneError(answer, "BAD_REQUEST"))).contains("application/json");
    }

    @Test
    void syntaxAndValidationErrorsCarryTheirCodesWith400UnderGraphQlResponseJson() {
        EntityExchangeResult<byte[]> syntax = post(MediaType.APPLICATION_JSON, "{\"query\": \"{\"}",
                MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
        EntityExchangeResult<byte[]> typo = post(MediaType.APPLICATION_JSON, "{\"query\": \"{ __typenam }\"}",
                MediaTypes.APPLICATION_GRAPHQL_RESPONSE);

        assertThat(syntax.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(syntax.getResponseHeaders().getContentType()).isEqualTo(MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
        assertOneError(syntax, "GRAPHQL_PARSE_FAILED");
        assertThat(typo.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(assertOneError(typo, "GRAPHQL_VALIDATION_FAILED"))).contains("__typenam");
    }

    @Test
    void underTheLegacyJsonTypeARequestThatCouldNotRunIsA200() {
        EntityExchangeResult<byte[]> typo = post(MediaType.APPLICATION_JSON, "{\"query\": \"{ __typenam }\"}",
                MediaType.APPLICATION_JSON);

        assertThat(typo.getStatus()).isEqualTo(HttpStatus.OK);
        assertOneError(typo, "GRAPHQL_VALIDATION_FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void anotherMethodIsA405ThatAllowsGetAndPostWithACode(String method) {
        EntityExchangeResult<byte[]> answer = http(Fixtures.bearer(), "/graphql")
                .method(HttpMethod.valueOf(method))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectBody().returnResult();

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getResponseHeaders().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
        assertThat(message(assertOneError(answer, "BAD_REQUEST"))).contains(method)
                .as("a graphql-sse client in single connection mode is told the mode it can use")
                .contains("distinct connections mode", "'Accept: text/event-stream'");
    }

    @Test
    void aMutationOverGetIsA405ThatAllowsPost() {
        EntityExchangeResult<byte[]> answer = get("query", "mutation { __typename }", MediaType.APPLICATION_JSON);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("POST");
        assertOneError(answer, "OPERATION_NOT_ALLOWED_WITH_GET");
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void getAnswersInTheGraphQlResponseTypeWhenAskedFor() {
        EntityExchangeResult<byte[]> query = get("query", "{ __typename }", MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
        EntityExchangeResult<byte[]> typo = get("query", "{ __typenam }", MediaTypes.APPLICATION_GRAPHQL_RESPONSE);

        assertThat(query.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(query.getResponseHeaders().getContentType()).isEqualTo(MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
        assertThat(body(query).path("data").path("__typename").asString()).isEqualTo("Query");
        assertThat(typo.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertOneError(typo, "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void aGetWithoutAQueryIsA400WithACode() {
        EntityExchangeResult<byte[]> answer = get("operationName", "Nothing", MediaType.APPLICATION_JSON);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertOneError(answer, "BAD_REQUEST");
    }

    @Test
    void aGetWithAPersistedQueryOfAnotherShapeIsA400WithACode() {
        EntityExchangeResult<byte[]> answer = get("extensions", "{\"persistedQuery\": \"x\"}",
                MediaType.APPLICATION_JSON);

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(assertOneError(answer, "BAD_REQUEST"))).contains("sha256Hash");
    }

    private EntityExchangeResult<byte[]> post(MediaType contentType, String body, MediaType accept) {
        return http(Fixtures.bearer(), "/graphql").post()
                .contentType(contentType)
                .accept(accept)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectBody().returnResult();
    }

    private EntityExchangeResult<byte[]> get(String parameter, String value, MediaType accept) {
        URI uri = UriComponentsBuilder.fromUriString("http://localhost:" + port + "/graphql")
                .queryParam(parameter, value).build().encode().toUri();
        return http(Fixtures.bearer(), "").get().uri(uri).accept(accept)
                .exchange()
                .expectBody().returnResult();
    }

    /** The answer's only error, once it is shown to carry {@code code} and a request id. */
    private static JsonNode assertOneError(EntityExchangeResult<byte[]> answer, String code) {
        JsonNode errors = body(answer).path("errors");
        assertThat(errors.size()).as("errors of %s", body(answer)).isEqualTo(1);
        JsonNode error = errors.get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo(code);
        assertThat(error.path("extensions").path("requestId").asString())
                .isEqualTo(answer.getResponseHeaders().getFirst("X-Request-Id"));
        assertThat(message(error)).isNotBlank();
        return error;
    }

    private static String message(JsonNode error) {
        return error.path("message").asString();
    }

    private static JsonNode body(EntityExchangeResult<byte[]> answer) {
        return JSON.readTree(answer.getResponseBody());
    }
}

package io.pipelinesgateway.persistedquery;

import java.util.Map;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;

import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.errorCode;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.persistedQuery;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.post;
import static io.pipelinesgateway.persistedquery.PersistedQueryRequests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query can be sent with GET, as Apollo Client's {@code useGETForHashedQueries} sends hash-only ones
 * ({@code /graphql?operationName=…&variables=…&extensions=…}). Its answer is the caller's own data, so no shared
 * cache on the way may keep it. Mutations never run from a GET: they are refused with
 * OPERATION_NOT_ALLOWED_WITH_GET (HTTP 405) and reach no one.
 */
class HashOnlyQueriesCanBeSentWithGetTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRegisteredQueryRunsFromAGetWithItsHashAndVariables() {
        given("pipeline-42.json");
        String query = """
                query Pipeline($uuid: ID) {
                  pipeline(workspace: "acme", repository: "api", uuid: $uuid) { buildNumber }
                } # %d""".formatted(System.nanoTime());
        String hash = sha256(query);
        Map<String, Object> variables = Map.of("uuid", Fixtures.PIPELINE_42);
        assertThat(errorCode(post(http(Fixtures.bearer(), "/graphql"),
                Map.of("query", query, "variables", variables, "extensions", persistedQuery(hash)))))
                .isEqualTo("none");

        JsonNode answer = get(Map.of("operationName", "Pipeline", "variables", JSON.writeValueAsString(variables),
                "extensions", JSON.writeValueAsString(persistedQuery(hash))));

        assertThat(answer.path("errors")).as(answer.toString()).isEmpty();
        assertThat(answer.path("data").path("pipeline").path("buildNumber").asInt()).isEqualTo(42);
    }

    @Test
    void anUnknownHashFromAGetIsNotFoundSoTheClientCanRegisterIt() {
        JsonNode answer = get(Map.of("extensions", JSON.writeValueAsString(persistedQuery(
                sha256("{ __typename } # " + System.nanoTime())))));

        assertThat(errorCode(answer)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aMutationFromAGetIsRefusedAndReachesNoOne() {
        String mutation = """
                mutation { stopPipeline(input: {id: "UGlwZWxpbmU6YWNtZS9hcGkvMQ=="}) { userErrors { message } } }""";
        String hash = sha256(mutation);

        JsonNode answer = get(Map.of("query", mutation, "extensions", JSON.writeValueAsString(persistedQuery(hash))),
                HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(errorCode(answer)).isEqualTo("OPERATION_NOT_ALLOWED_WITH_GET");
        assertThat(answer.path("errors").get(0).path("message").asString()).contains("POST");
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aPlainQueryRunsFromAGetToo() {
        JsonNode answer = get(Map.of("query", "{ __typename }"));

        assertThat(answer.path("data").path("__typename").asString()).isEqualTo("Query");
    }

    private JsonNode get(Map<String, String> parameters) {
        return get(parameters, HttpStatus.OK);
    }

    private JsonNode get(Map<String, String> parameters, HttpStatus status) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://localhost:" + port + "/graphql");
        parameters.forEach(uri::queryParam);
        String answer = http(Fixtures.bearer(), "").get()
                .uri(uri.build().encode().toUri())
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }
}

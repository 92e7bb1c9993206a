package io.pipelinesgateway.persistedquery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;

/** Requests as Apollo Client's persisted query link sends them, and what they are answered. */
final class PersistedQueryRequests {

    /** A query that reads one pipeline ({@code pipeline-42.json}), so a test can count what it cost upstream. */
    static final String PIPELINE_QUERY = """
            query Pipeline { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }"""
            .formatted(PIPELINE_42);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PersistedQueryRequests() {
    }

    /** The hash Apollo Client sends: SHA-256 of the query's UTF-8 text, in lowercase hex. */
    static String sha256(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(query.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    /** A body with the hash only, as the link sends first. */
    static Map<String, Object> hashOnly(String hash) {
        return Map.of("extensions", persistedQuery(hash));
    }

    /** A body with the query and its hash, as the link sends after PersistedQueryNotFound. */
    static Map<String, Object> withQuery(String query, String hash) {
        return Map.of("query", query, "extensions", persistedQuery(hash));
    }

    /** POSTs {@code body} to {@code /graphql} and returns the answer. */
    static JsonNode post(WebTestClient graphQl, Map<String, Object> body) {
        String answer = graphQl.post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    /** The {@code extensions.code} of an answer's only error, or "none". */
    static String errorCode(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        return errors.isEmpty() ? "none" : errors.get(0).path("extensions").path("code").asString();
    }
}

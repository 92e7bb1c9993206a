package io.pipelinesgateway.limits;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending a hash instead of a query changes nothing about the count: each persisted query is an operation of its
 * client's allowance, the one that registers it included.
 */
class PersistedQueriesCountAgainstTheRateLimitTest extends RateLimitedGatewayTest {

    // SHA-256 of "{ __typename }", as Apollo Client computes it.
    private static final String HASH = "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b";

    @Test
    void aClientSendingHashesIsRefusedPastItsAllowanceLikeAnyOther() {
        String client = newClient();
        Map<String, Object> persisted = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", HASH));

        assertThat(send(client, Map.of("query", TYPENAME, "extensions", persisted))).contains("\"Query\"");
        assertThat(send(client, Map.of("extensions", persisted))).contains("\"Query\"");
        assertThat(send(client, Map.of("extensions", persisted))).contains("RATE_LIMITED");
    }

    private String send(String client, Map<String, Object> body) {
        return http(client, "/graphql").post().contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}

package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode with the response cache on: entries are scoped to the credential sent upstream, so callers reading a
 * workspace with its credential share them, and grants are checked before the cache, so a caller without a grant
 * is never served an entry another caller fetched.
 */
class CachedAnswersStayWithinGrantsTest extends ServiceModeTest {

    private static final String BETA = "{ workspace(slug: \"beta\") { slug name } }";

    @DynamicPropertySource
    static void turnTheCacheOnInProcess(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("spring.data.redis.url", () -> "");
    }

    @Test
    void aCachedAnswerIsServedOnlyToCallersWithAGrantOnItsWorkspace() {
        given("workspace-beta.json");

        withApiKey(RELEASE_KEY).document(BETA).execute().path("workspace.slug").entity(String.class).isEqualTo("beta");
        withApiKey(OPS_KEY).document(BETA).execute().path("workspace.slug").entity(String.class).isEqualTo("beta");
        assertThat(upstreamRequests()).as("both read beta with its credential: one call").hasSize(1);

        assertRefused(withApiKey(PORTAL_KEY).document(BETA).execute(), "FORBIDDEN", "'beta:read'");
        assertThat(upstreamRequests()).hasSize(1);
    }
}

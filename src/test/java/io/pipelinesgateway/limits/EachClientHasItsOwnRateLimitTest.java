package io.pipelinesgateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.pipelinesgateway.security.CallerInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client is what it authenticates with: in pass-through mode its {@code Authorization} (an {@code X-API-Key},
 * which nothing verifies there, names no client), else its address. Each has an allowance of its own: one client spending all of its own leaves the others theirs.
 */
class EachClientHasItsOwnRateLimitTest extends RateLimitedGatewayTest {

    @Test
    void twoCredentialsHaveSeparateAllowances() {
        HttpGraphQlTester first = graphQl(newClient());
        HttpGraphQlTester second = graphQl(newClient());

        assertThat(codes(first, 3)).containsExactly("ok", "ok", "RATE_LIMITED");
        assertThat(codes(second, 3)).containsExactly("ok", "ok", "RATE_LIMITED");
    }

    @Test
    void aMadeUpApiKeyPerRequestDoesNotMakeTheSameCredentialANewClient() {
        // In pass-through mode the gateway verifies no API key: one made up afresh must not buy a new allowance.
        String authorization = newClient();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            codes.addAll(codes(withApiKey("key-" + UUID.randomUUID(), authorization), 1));
        }

        assertThat(codes.subList(0, 2)).containsExactly("ok", "ok");
        assertThat(codes.subList(2, 30)).containsOnly("RATE_LIMITED");
    }

    @Test
    void withoutCredentialsTheAddressIsTheClient() {
        // Every test here connects from 127.0.0.1; no other test of this class sends no credential.
        assertThat(codes(graphQl(null), 3)).containsExactly("ok", "ok", "RATE_LIMITED");
        assertThat(codes(graphQl(newClient()), 1)).containsExactly("ok");
    }

    private HttpGraphQlTester withApiKey(String apiKey, String authorization) {
        return HttpGraphQlTester.create(http(authorization, "/graphql").mutate()
                .defaultHeader(CallerInterceptor.API_KEY_HEADER, apiKey).build());
    }

    /** The code of each of {@code count} operations in turn, "ok" for those that ran. */
    private static List<String> codes(HttpGraphQlTester client, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            client.document(TYPENAME).execute().errors().satisfy(errors -> codes.add(
                    errors.isEmpty() ? "ok" : code(errors.get(0))));
        }
        return codes;
    }
}

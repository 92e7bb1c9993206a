package io.pipelinesgateway.security;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pass-through mode: an Authorization header that is no Bitbucket credential (another scheme, an empty token, a Basic
 * value that is not base64 of user:secret) refuses the whole operation with
 * UNAUTHENTICATED, saying what to send, before any upstream call.
 */
class AMalformedCredentialIsRefusedTest extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"Token abc", "Digest username=\"ada\"", "abc", "Bearer", "Bearer   ", "Basic   ",
            "Basic !!!notb64", "Basic YWRhLWxvdmVsYWNl", "Basic OnNlY3JldA==", "Basic YWRhOg=="})
    void anAuthorizationHeaderThatIsNoBearerTokenOrBasicUserAndSecretIsRefusedWithoutCallingBitbucket(String authorization) {
        given("pipeline-42.json");
        given("workspace-acme.json");

        assertRefused(graphQl(authorization).document(ARequestWithoutACredentialIsRefusedTest.TWO_READS).execute(),
                "UNAUTHENTICATED", "Bearer", "Basic");

        assertThat(upstreamRequests()).isEmpty();
    }
}

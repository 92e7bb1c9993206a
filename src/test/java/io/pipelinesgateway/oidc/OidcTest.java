package io.pipelinesgateway.oidc;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's OIDC provider: {@code GET /workspaces/{workspace}/pipelines-config/identity/oidc/.well-known/openid-configuration}
 * and its keys, {@code GET .../identity/oidc/keys.json}.
 */
class OidcTest extends GatewayTest {

    private static final String CONFIGURATION = "/workspaces/acme/pipelines-config/identity/oidc/.well-known/openid-configuration";
    private static final String KEYS = "/workspaces/acme/pipelines-config/identity/oidc/keys.json";

    @Test
    void readsTheConfigurationAndTheKeys() {
        given("workspace-acme.json");
        given("oidc-configuration.json");
        given("oidc-keys.json");

        graphQl.document("""
                        { workspace(slug: "acme") { oidc {
                            issuer jwksUri responseTypesSupported subjectTypesSupported signingAlgorithms claimsSupported
                            keys { kid kty alg use n e } } } }
                        """)
                .execute()
                .path("workspace.oidc").matchesJsonStrictly("""
                        {"issuer": "https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc",
                         "jwksUri": "https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc/keys.json",
                         "responseTypesSupported": ["id_token"],
                         "subjectTypesSupported": ["public", "pairwise"],
                         "signingAlgorithms": ["RS256"],
                         "claimsSupported": ["sub", "aud", "iss", "iat", "exp", "workspaceUuid", "repositoryUuid",
                                             "pipelineUuid", "stepUuid", "branchName", "deploymentEnvironmentUuid"],
                         "keys": [{"kid": "ari:cloud:bitbucket::workspace/3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c",
                                   "kty": "RSA", "alg": "RS256", "use": "sig", "e": "AQAB",
                                   "n": "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw"}]}
                        """);

        bitbucket.verify(exactly(1), getOf(CONFIGURATION)
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        bitbucket.verify(exactly(1), getOf(KEYS).withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void readsTheKeysOnlyWhenAskedFor() {
        given("workspace-acme.json");
        given("oidc-configuration.json");
        given("oidc-keys.json");

        graphQl.document("{ workspace(slug: \"acme\") { oidc { issuer } } }")
                .execute()
                .path("workspace.oidc.issuer").entity(String.class)
                .isEqualTo("https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc");

        bitbucket.verify(exactly(1), getOf(CONFIGURATION));
        bitbucket.verify(0, getOf(KEYS));
        assertThat(upstreamRequests()).hasSize(2);
    }
}

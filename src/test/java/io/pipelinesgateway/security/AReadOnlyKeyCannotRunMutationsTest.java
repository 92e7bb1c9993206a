package io.pipelinesgateway.security;

import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a mutation needs a write grant on its workspace. A key that may only read is refused before the
 * mutation runs, and a key that may write elsewhere is refused for this workspace, with FORBIDDEN and no upstream
 * call; a key with the grant changes Bitbucket with the workspace's credential.
 */
class AReadOnlyKeyCannotRunMutationsTest extends ServiceModeTest {

    private static final String ENABLE = """
            mutation { setPipelinesEnabled(input: {workspace: "%s", repository: "api", enabled: true}) {
              pipelinesConfiguration { enabled } } }""";

    @Test
    void aReadOnlyKeyIsRefusedBeforeTheMutationRuns() {
        assertRefused(withApiKey(PORTAL_KEY).document(ENABLE.formatted("acme")).execute(),
                "FORBIDDEN", "'portal'", "write");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aKeyThatMayWriteElsewhereIsRefusedForAWorkspaceItMayOnlyRead() {
        assertRefused(withApiKey(RELEASE_KEY).document(ENABLE.formatted("beta")).execute(),
                "FORBIDDEN", "'beta:write'");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aKeyWithTheWriteGrantChangesBitbucketWithTheWorkspaceToken() {
        String config = api("/repositories/acme/api/pipelines_config");
        bitbucket.stubFor(put(urlEqualTo(config)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Payloads.text("pipelines-config.json"))));

        withApiKey(RELEASE_KEY).document(ENABLE.formatted("acme")).execute()
                .path("setPipelinesEnabled.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(true);

        bitbucket.verify(1, putRequestedFor(urlEqualTo(config))
                .withHeader("Authorization", equalTo("Bearer " + ACME_TOKEN)));
    }
}

package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: {@code Repository.viewerCanRunPipelines} tells a portal whether its key may run and stop a
 * repository's pipelines, from the key's grants, so it shows those actions only to who may use them; asking costs no
 * upstream call beyond reading the repository.
 */
class APortalAsksWhetherItsKeyMayRunPipelinesTest extends ServiceModeTest {

    private static final String ASK = """
            { repository(workspace: "%s", slug: "api") { viewerCanRunPipelines } }""";

    @Test
    void aKeyWithAWriteGrantOnTheWorkspaceMay() {
        given("repository-api.json");

        withApiKey(RELEASE_KEY).document(ASK.formatted("acme")).execute()
                .path("repository.viewerCanRunPipelines").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aKeyThatMayOnlyReadMayNot() {
        given("repository-api.json");

        withApiKey(PORTAL_KEY).document(ASK.formatted("acme")).execute()
                .path("repository.viewerCanRunPipelines").entity(Boolean.class).isEqualTo(false);
        assertThat(upstreamRequests()).allSatisfy(request -> assertThat(request.getMethod().value()).isEqualTo("GET"));
    }
}

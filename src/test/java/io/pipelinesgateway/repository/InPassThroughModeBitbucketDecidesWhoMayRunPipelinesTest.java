package io.pipelinesgateway.repository;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

/**
 * Pass-through mode: the gateway holds no grants, Bitbucket decides when a change is sent, so
 * {@code viewerCanRunPipelines} is null (unknown) rather than a guess.
 */
class InPassThroughModeBitbucketDecidesWhoMayRunPipelinesTest extends GatewayTest {

    @Test
    void whetherTheCallerMayRunPipelinesIsUnknownUntilItTries() {
        given("repository-api.json");

        graphQl.document("{ repository(workspace: \"acme\", slug: \"api\") { slug viewerCanRunPipelines } }")
                .execute()
                .path("repository.slug").entity(String.class).isEqualTo("api")
                .path("repository.viewerCanRunPipelines").valueIsNull();
    }
}

package io.pipelinesgateway.workspace;

import io.pipelinesgateway.bitbucket.BitbucketRateLimits;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code Workspace.rateLimit}: Bitbucket's rate limit on the workspace, which the client reads off its answers. */
@Controller
class BitbucketRateLimitController {

    private final BitbucketRateLimits rateLimits;

    BitbucketRateLimitController(BitbucketRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @SchemaMapping(typeName = "Workspace")
    BitbucketRateLimits.Status rateLimit(Workspace workspace) {
        return rateLimits.status(workspace.slug());
    }
}

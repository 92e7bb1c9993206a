package io.pipelinesgateway.workspace;

import io.pipelinesgateway.bitbucket.RateLimitTracker;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a workspace's rate-limit status, which the client keeps as calls are made. */
@Controller
class RateLimitController {

    private final RateLimitTracker rateLimits;

    RateLimitController(RateLimitTracker rateLimits) {
        this.rateLimits = rateLimits;
    }

    @SchemaMapping(typeName = "Workspace")
    RateLimitTracker.Status rateLimit(Workspace workspace) {
        return rateLimits.status(workspace.slug());
    }
}

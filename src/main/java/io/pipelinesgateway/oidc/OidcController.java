package io.pipelinesgateway.oidc;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketJwk;
import io.pipelinesgateway.workspace.Workspace;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a workspace's OIDC provider; its keys are read only when a query asks for them. */
@Controller
class OidcController {

    private final OidcService oidc;

    OidcController(OidcService oidc) {
        this.oidc = oidc;
    }

    @SchemaMapping(typeName = "Workspace")
    Mono<OidcConfiguration> oidc(Workspace workspace) {
        return oidc.configuration(workspace.slug());
    }

    @SchemaMapping(typeName = "OidcConfiguration")
    Mono<List<BitbucketJwk>> keys(OidcConfiguration configuration) {
        return oidc.keys(configuration.workspace());
    }
}

package io.pipelinesgateway.sandbox;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's OpenID Connect provider for Pipelines: its discovery document and signing keys.
 */
@RestController
@Profile("sandbox")
@RequestMapping(SandboxWebFilter.PREFIX + "/workspaces/{workspace}/pipelines-config")
class SandboxWorkspaceController {

    private final SandboxStore store;
    private final OidcKeys keys;

    SandboxWorkspaceController(SandboxStore store, OidcKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    @GetMapping("/identity/oidc/.well-known/openid-configuration")
    SandboxJson.OpenIdConfiguration openIdConfiguration(ServerHttpRequest request, @PathVariable String workspace) {
        SandboxWorkspace ws = store.workspace(workspace);
        String issuer = Representations.forRequest(request.getURI()).api() + "/workspaces/"
                + Representations.segment(ws.slug()) + "/pipelines-config/identity/oidc";
        return new SandboxJson.OpenIdConfiguration(issuer, issuer + "/keys.json", List.of("id_token"),
                List.of("public", "pairwise"), List.of("RS256"),
                List.of("sub", "aud", "iss", "iat", "exp", "workspaceUuid", "repositoryUuid", "pipelineUuid",
                        "stepUuid", "branchName", "deploymentEnvironmentUuid", "pipelineRunUuid"),
                List.of("openid"));
    }

    @GetMapping("/identity/oidc/keys.json")
    SandboxJson.KeySet keys(@PathVariable String workspace) {
        return new SandboxJson.KeySet(List.of(keys.key(store.workspace(workspace))));
    }

}

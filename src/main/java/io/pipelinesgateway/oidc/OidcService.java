package io.pipelinesgateway.oidc;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketJwk;
import io.pipelinesgateway.bitbucket.BitbucketJwks;
import io.pipelinesgateway.bitbucket.BitbucketOidcConfiguration;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a workspace's OIDC provider configuration and its public keys, each one upstream call. */
@Service
class OidcService {

    private final BitbucketClient client;

    OidcService(BitbucketClient client) {
        this.client = client;
    }

    Mono<OidcConfiguration> configuration(String workspace) {
        return client.get(request("oidc_configuration", workspace, ".well-known", "openid-configuration"),
                        BitbucketOidcConfiguration.class)
                .map(configuration -> OidcConfiguration.from(workspace, configuration));
    }

    Mono<List<BitbucketJwk>> keys(String workspace) {
        return client.get(request("oidc_keys", workspace, "keys.json"), BitbucketJwks.class)
                .map(jwks -> jwks.keys() == null ? List.of() : jwks.keys());
    }

    private static UpstreamRequest request(String resource, String workspace, String... rest) {
        return UpstreamRequest.of(resource, List.of("workspaces", workspace, "pipelines-config", "identity", "oidc"),
                rest);
    }
}

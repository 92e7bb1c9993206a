package io.pipelinesgateway.oidc;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketJwk;
import io.pipelinesgateway.bitbucket.ConfigurationEndpoints;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a workspace's OIDC provider configuration and its public keys, each one upstream call. */
@Service
class OidcService {

    private final ConfigurationEndpoints bitbucket;

    OidcService(ConfigurationEndpoints bitbucket) {
        this.bitbucket = bitbucket;
    }

    Mono<OidcConfiguration> configuration(String workspace) {
        return bitbucket.oidcConfiguration(workspace)
                .map(configuration -> OidcConfiguration.from(workspace, configuration));
    }

    Mono<List<BitbucketJwk>> keys(String workspace) {
        return bitbucket.oidcKeys(workspace)
                .map(jwks -> jwks.keys() == null ? List.of() : jwks.keys());
    }
}

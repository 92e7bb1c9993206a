package io.pipelinesgateway.oidc;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketOidcConfiguration;

/** A workspace's OIDC provider configuration as the schema shows it; its keys are read only when asked for. */
public record OidcConfiguration(String workspace, String issuer, String jwksUri, List<String> responseTypesSupported,
        List<String> subjectTypesSupported, List<String> signingAlgorithms, List<String> claimsSupported) {

    static OidcConfiguration from(String workspace, BitbucketOidcConfiguration configuration) {
        return new OidcConfiguration(workspace, configuration.issuer(), configuration.jwksUri(),
                orEmpty(configuration.responseTypesSupported()), orEmpty(configuration.subjectTypesSupported()),
                orEmpty(configuration.signingAlgorithms()), orEmpty(configuration.claimsSupported()));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}

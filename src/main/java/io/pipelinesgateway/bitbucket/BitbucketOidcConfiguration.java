package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A workspace's OpenID Connect provider configuration, for deployments that trust Pipelines' identity tokens. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketOidcConfiguration(String issuer, @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonProperty("id_token_signing_alg_values_supported") List<String> signingAlgorithms,
        @JsonProperty("claims_supported") List<String> claimsSupported) {
}

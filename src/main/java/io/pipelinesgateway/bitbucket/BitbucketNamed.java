package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A discriminated object that only carries a name, such as a state's stage or result, or a trigger. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketNamed(String type, String name) {
}

package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A pipeline's or step's state as Bitbucket sends it: a name, and a stage (in progress) or a result (completed). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketState(String type, String name, BitbucketNamed stage, BitbucketNamed result) {
}

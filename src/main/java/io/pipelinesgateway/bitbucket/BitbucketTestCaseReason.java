package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a test case failed: its message and the output or stack trace. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketTestCaseReason(String message, @JsonProperty("stack_trace") @JsonAlias({"trace", "output"}) String stackTrace) {
}

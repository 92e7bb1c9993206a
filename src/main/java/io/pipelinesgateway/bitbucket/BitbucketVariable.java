package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A pipeline variable: configured at some level, or passed to one run. A secured one never carries its value. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketVariable(String type, String uuid, String key, String value, Boolean secured) {
}

package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One test case of a step's test report. {@code duration} comes as seconds or as an ISO-8601 duration. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketTestCase(String uuid, String name, @JsonProperty("fully_qualified_name") String fullyQualifiedName,
        @JsonProperty("package_name") String packageName, String status, Object duration) {
}

package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A step's test report summary. The spec leaves it empty; both observed spellings of the counts are read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketTestReport(@JsonAlias("number_of_test_cases") Integer total,
        @JsonAlias("number_of_successful_test_cases") Integer success,
        @JsonAlias("number_of_failed_test_cases") Integer failed,
        @JsonAlias("number_of_skipped_test_cases") Integer skipped,
        @JsonAlias("number_of_error_test_cases") Integer error,
        @JsonProperty("duration_in_seconds") @JsonAlias("duration") Double durationInSeconds) {
}

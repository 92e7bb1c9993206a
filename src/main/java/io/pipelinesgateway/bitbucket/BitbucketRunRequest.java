package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of "Run a pipeline": what to build, and the variables of this one run (secured ones included). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BitbucketRunRequest(BitbucketTarget target, List<BitbucketVariable> variables) {
}

package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of "Run a pipeline": what to build, and the variables of this one run (secured ones included). It is a
 * {@code pipeline} object of the spec, whose {@code type} is required, so it says so.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BitbucketRunRequest(String type, BitbucketTarget target, List<BitbucketVariable> variables) {

    /** A run of {@code target} with the variables of this run. */
    public BitbucketRunRequest(BitbucketTarget target, List<BitbucketVariable> variables) {
        this("pipeline", target, variables);
    }
}

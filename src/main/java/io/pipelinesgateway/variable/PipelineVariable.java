package io.pipelinesgateway.variable;

import io.pipelinesgateway.bitbucket.BitbucketVariable;

/**
 * A Pipelines variable as the schema shows it. A secured variable's value is dropped here even if an upstream sent
 * one, so no path through the gateway can return it.
 */
public record PipelineVariable(String uuid, String key, String value, boolean secured) {

    public static PipelineVariable from(BitbucketVariable variable) {
        boolean secured = Boolean.TRUE.equals(variable.secured());
        return new PipelineVariable(variable.uuid(), variable.key(), secured ? null : variable.value(), secured);
    }
}

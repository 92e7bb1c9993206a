package io.pipelinesgateway.variable;

import io.pipelinesgateway.bitbucket.BitbucketVariable;

/**
 * A variable configured at some level, as the schema shows it. Built only through {@link PipelineVariable}, so the
 * one rule that drops a secured value covers configured variables too.
 */
public record Variable(VariableScope scope, String uuid, String key, String value, boolean secured) {

    static Variable from(VariableScope scope, BitbucketVariable variable) {
        PipelineVariable masked = PipelineVariable.from(variable);
        return new Variable(scope, masked.uuid(), masked.key(), masked.value(), masked.secured());
    }

    /** By the variable's UUID, or by its key (unique in its level) when Bitbucket's answer lacked the UUID. */
    public String id() {
        return VariableNodeType.ID.encode(new VariableScope.Located(scope, uuid, key));
    }

    public VariableScope.Level level() {
        return scope.level();
    }
}

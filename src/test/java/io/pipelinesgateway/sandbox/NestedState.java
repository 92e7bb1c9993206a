package io.pipelinesgateway.sandbox;

import java.util.Locale;

/**
 * A state as Bitbucket nests it in a pipeline or a step: its name and, where it has one, a stage (a running pipeline's,
 * a waiting step's) or a result (once completed), each typed by the state's type and its own name
 * ({@code pipeline_state_in_progress_paused}, {@code pipeline_step_state_completed_not_run}).
 *
 * @param typePrefix what the types of this kind of state begin with: {@code pipeline_state_} or
 *                   {@code pipeline_step_state_}
 * @param name       the state's name
 * @param stage      the stage's name, or {@code null}
 * @param result     the result's name, or {@code null}
 */
record NestedState(String typePrefix, String name, String stage, String result) {

    /** The state as the sandbox's JSON has it. */
    SandboxJson.State json() {
        String type = typePrefix + name.toLowerCase(Locale.ROOT);
        return new SandboxJson.State(type, name, nested(type, stage), nested(type, result));
    }

    /** Whether {@code filter} names the state, its stage or its result, as a list's {@code status=} filter may. */
    boolean named(String filter) {
        return filter.equalsIgnoreCase(name) || filter.equalsIgnoreCase(stage) || filter.equalsIgnoreCase(result);
    }

    private static SandboxJson.State nested(String parentType, String nestedName) {
        return nestedName == null ? null
                : new SandboxJson.State(parentType + "_" + nestedName.toLowerCase(Locale.ROOT), nestedName, null, null);
    }
}

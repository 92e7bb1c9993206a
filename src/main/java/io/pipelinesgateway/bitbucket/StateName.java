package io.pipelinesgateway.bitbucket;

import java.util.Locale;

/**
 * The name of a pipeline's or a step's state, read once from Bitbucket's {@code state.name}, or from its
 * {@code state.type} discriminator ({@code pipeline_state_completed}, {@code pipeline_step_state_pending_halted})
 * when a payload lacks the name. Every "has it completed?" of the gateway is {@link #isCompleted()}.
 */
public enum StateName {
    PENDING, READY, IN_PROGRESS, COMPLETED,
    /** A state this gateway does not know yet, or none: never completed, so never cached as final. */
    UNKNOWN;

    private static final String[] TYPE_PREFIXES = {"pipeline_step_state_", "pipeline_state_"};
    /** Every name but UNKNOWN, in order: read for every pipeline and step of every answer, so not copied each time. */
    private static final StateName[] KNOWN = {PENDING, READY, IN_PROGRESS, COMPLETED};

    /**
     * The state's name. A name that continues a known one ({@code PENDING_HALTED}, a held step;
     * {@code COMPLETED_SUCCESSFUL}) is that one.
     */
    public static StateName of(BitbucketState state) {
        if (state == null) {
            return UNKNOWN;
        }
        String name = state.name() != null && !state.name().isBlank() ? state.name().toUpperCase(Locale.ROOT)
                : fromType(state.type());
        if (name == null) {
            return UNKNOWN;
        }
        for (StateName candidate : KNOWN) {
            if (isOrContinues(name, candidate.name())) {
                return candidate;
            }
        }
        return UNKNOWN;
    }

    /** {@code name} is {@code known}, or {@code known} followed by '_' and more; checked without a new string. */
    private static boolean isOrContinues(String name, String known) {
        return name.startsWith(known) && (name.length() == known.length() || name.charAt(known.length()) == '_');
    }

    private static String fromType(String type) {
        if (type == null) {
            return null;
        }
        for (String prefix : TYPE_PREFIXES) {
            if (type.startsWith(prefix)) {
                return type.substring(prefix.length()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether the pipeline or step has completed: what it holds no longer changes. */
    public boolean isCompleted() {
        return this == COMPLETED;
    }
}

package io.pipelinesgateway.pipeline;

/** A pipeline's status in one word, as the schema's {@code PipelineStatus}. */
public enum PipelineStatus {
    PENDING, RUNNING, PAUSED, HALTED, SUCCESSFUL, FAILED, ERROR, STOPPED, EXPIRED, UNKNOWN;

    /**
     * The value of Bitbucket's {@code status=} filter that selects this status, or null where there is none.
     * RUNNING has no filter of its own: it is sent as IN_PROGRESS and told apart from PAUSED and HALTED by the
     * gateway.
     */
    String upstreamFilter() {
        return switch (this) {
            case RUNNING -> "IN_PROGRESS";
            case UNKNOWN -> null;
            default -> name();
        };
    }

    /** Whether Bitbucket's filter for this status selects exactly this status. */
    boolean upstreamFilterIsExact() {
        return this != RUNNING && this != UNKNOWN;
    }
}

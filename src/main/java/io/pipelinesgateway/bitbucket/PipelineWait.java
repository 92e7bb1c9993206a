package io.pipelinesgateway.bitbucket;

/**
 * A pipeline seen waiting, as its steps are read for it: not started yet, paused before a manual step, or halted
 * behind another deployment, with the build seconds it had used. Its steps do not move while it waits; when it moves
 * on, its state or its build seconds change, and a read made for it as it is seen then is another cache entry. So the
 * steps read for a waiting pipeline are kept like completed data, under what the pipeline was seen as
 * ({@link CachePolicy}), instead of being asked again every few minutes for as long as the wait lasts: a deployment
 * can wait at its manual step for days.
 *
 * @param stage            how it waits
 * @param buildSecondsUsed Bitbucket's {@code build_seconds_used} of the pipeline as seen
 */
public record PipelineWait(Stage stage, int buildSecondsUsed) {

    /** How a pipeline waits. */
    public enum Stage {
        /** Not started: waiting for a runner, or for its first step to be set up. */
        PENDING,
        /** Paused before a manual step. */
        PAUSED,
        /** Halted behind another pipeline deploying to the same environment. */
        HALTED
    }

    /** What sets the steps read for a pipeline seen so apart in the cache. */
    String cacheVariant() {
        return "~" + stage + "@" + buildSecondsUsed;
    }
}

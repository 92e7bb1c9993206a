package io.pipelinesgateway.step;

/**
 * A log of a step: the build container's ({@code logUuid} null, read from {@code /log}) or a container's by its
 * log UUID (read from {@code /logs/{log_uuid}}). Nothing is read until a field of it is asked for.
 *
 * @param complete whether the step has completed, so the log will not grow: it is then read in aligned blocks
 *                 that the cache keeps, and a tail and a later full read share them
 * @param mayExist whether the step has run at all; a step that has not ({@link Step#neverRan()}) has no log, which
 *                 reads as empty without a call
 */
public record StepLog(StepKey step, String logUuid, boolean complete, boolean mayExist) {
}

package io.pipelinesgateway.subscription;

import java.time.OffsetDateTime;

import io.pipelinesgateway.step.Step;

/**
 * What {@code stepStatusChanged} delivers: a step with its new state, and the state the subscriber last had of it.
 *
 * @param step          the step as Bitbucket reported it when the change was seen
 * @param previousState the state before; null for a step the subscriber had not seen
 * @param observedAt    when the gateway saw the change
 */
public record StepStatusEvent(Step step, Step.State previousState, OffsetDateTime observedAt) {

    public String status() {
        return step.status();
    }

    public String previousStatus() {
        if (previousState == null) {
            return null;
        }
        return previousState.result() != null ? previousState.result().name() : previousState.name().name();
    }
}

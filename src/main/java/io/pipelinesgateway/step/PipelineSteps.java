package io.pipelinesgateway.step;

import java.util.List;

/**
 * A pipeline's steps, in order, as their DataLoader answers them: a type of its own, since DataLoaders are found by
 * their value type and a bare list does not say what it holds.
 */
public record PipelineSteps(List<Step> steps) {

    public PipelineSteps {
        steps = List.copyOf(steps);
    }
}

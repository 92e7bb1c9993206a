package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.SandboxPipelineTarget.Selector;
import java.util.Set;

/**
 * The pipelines a repository's {@code bitbucket-pipelines.yml} defines, as far as the sandbox needs them: the names
 * under {@code pipelines.custom}, which a run's {@code custom} selector must name. Branches, tags and pull requests
 * are built whatever their names, as a {@code default} pipeline builds them.
 */
record PipelineDefinitions(Set<String> customPipelines) {

    PipelineDefinitions {
        customPipelines = Set.copyOf(customPipelines);
    }

    static PipelineDefinitions withCustomPipelines(String... names) {
        return new PipelineDefinitions(Set.of(names));
    }

    /** Whether the file has the pipeline the selector names: any but a custom one it has no such name for. */
    boolean defines(Selector selector) {
        return !"custom".equals(selector.type()) || customPipelines.contains(selector.pattern());
    }
}

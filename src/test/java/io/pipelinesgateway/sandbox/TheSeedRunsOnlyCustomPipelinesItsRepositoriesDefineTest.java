package io.pipelinesgateway.sandbox;

import java.time.Clock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed is a history Bitbucket could have made: every custom pipeline its pipelines ran and its schedules run is
 * one that its repository's bitbucket-pipelines.yml defines, so each can be run again on the sandbox.
 */
class TheSeedRunsOnlyCustomPipelinesItsRepositoriesDefineTest {

    private final SandboxStore store = new SandboxStore(new SandboxClock(Clock.systemUTC()),
            new SandboxProperties(3, 0, 2, 3, false));

    @Test
    void everySeededPipelineRanADefinitionOfItsRepository() {
        assertThat(store.allPipelines()).isNotEmpty();
        assertThat(store.allPipelines().stream()
                .filter(pipeline -> !pipeline.repo().definitions().defines(pipeline.target().selector()))
                .map(pipeline -> pipeline.repo().fullName() + " #" + pipeline.buildNumber() + " ran "
                        + pipeline.target().selector()))
                .isEmpty();
    }

    @Test
    void everySeededScheduleRunsADefinitionOfItsRepository() {
        ConfigStore config = new ConfigStore(store);
        assertThat(store.workspaces().stream().flatMap(workspace -> store.repositories(workspace).stream())
                .flatMap(repo -> config.schedules(repo).all().stream()
                        .filter(schedule -> !repo.definitions().defines(schedule.selector()))
                        .map(schedule -> repo.fullName() + " schedules " + schedule.selector())))
                .isEmpty();
    }
}

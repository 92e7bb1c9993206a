package io.pipelinesgateway.schedule;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryService;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.RepositoryEntryPoint;
import io.pipelinesgateway.support.SliceUpstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.RepositoryEntryPoint.REPOSITORY;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code ScheduleController} alone: a repository's schedules and a schedule's runs page the service's lists by their
 * arguments, and a run's pipeline reads through the DataLoader of pipelines, once however many runs name it.
 */
@ControllerSliceTest
@Import({ScheduleController.class, RepositoryEntryPoint.class,
        ScheduleFieldsMapToTheServiceAndTheirDataLoaderTest.Pipelines.class})
class ScheduleFieldsMapToTheServiceAndTheirDataLoaderTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);
    private static final PipelineSchedule NIGHTLY = new PipelineSchedule(new RepositoryItem("acme", "api", "{s}"),
            true, "0 0 2 * * ? *", null, null, null);

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @MockitoBean
    private ScheduleService schedules;

    @MockitoBean
    private RepositoryService repositories;

    /** Serves pipeline #42 beside the repository. */
    @TestConfiguration
    static class Pipelines {

        Pipelines(SliceUpstream upstream) {
            upstream.serves(PipelineKey.class, Pipeline.class, Map.of(KEY_42, Pipeline.from(KEY_42,
                    payload("pipeline-42.json", BitbucketPipeline.class), "https://bitbucket.org")));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void aSchedulesRunsNameTheirPipelineThroughTheDataLoaderOfPipelines() {
        when(schedules.schedules(any(), any(), any())).thenReturn(Mono.just(Connection.ofList(List.of(NIGHTLY),
                PageRequest.of(1, null))));
        ScheduleExecution ran = new ScheduleExecution("EXECUTED", KEY_42, null);
        when(schedules.executions(any(), any())).thenReturn(Mono.just(Connection.ofList(List.of(ran, ran),
                PageRequest.of(7, null))));

        graphQl.document(REPOSITORY.replace("FIELDS", """
                        schedules(first: 1) { nodes { cronPattern executions(first: 7) {
                          nodes { outcome pipeline { buildNumber } } } } }
                        """))
                .execute()
                .path("repository.schedules.nodes[0].cronPattern").entity(String.class).isEqualTo("0 0 2 * * ? *")
                .path("repository.schedules.nodes[0].executions.nodes[*].pipeline.buildNumber")
                .entityList(Integer.class).containsExactly(42, 42);

        verify(schedules).schedules("acme", "api", PageRequest.of(1, null));
        verify(schedules).executions(NIGHTLY, PageRequest.of(7, null));
        assertThat(upstream.asked(Pipeline.class)).containsExactly(KEY_42);
    }

    @Test
    void aRunThatStartedNoPipelineNamesNoneWithoutALoad() {
        when(schedules.schedules(any(), any(), any())).thenReturn(Mono.just(Connection.ofList(List.of(NIGHTLY),
                PageRequest.of(20, null))));
        when(schedules.executions(any(), any())).thenReturn(Mono.just(Connection.ofList(
                List.of(new ScheduleExecution("ERRORED", null, null)), PageRequest.of(20, null))));

        graphQl.document(REPOSITORY.replace("FIELDS",
                        "schedules { nodes { executions { nodes { outcome pipeline { buildNumber } } } } }"))
                .execute()
                .path("repository.schedules.nodes[0].executions.nodes[0].outcome").entity(String.class)
                .isEqualTo("ERRORED")
                .path("repository.schedules.nodes[0].executions.nodes[0].pipeline").valueIsNull();

        assertThat(upstream.asked(Pipeline.class)).isEmpty();
    }
}

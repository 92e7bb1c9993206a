package io.pipelinesgateway.feed;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Cursor;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.step.StepService;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.PipelineAndStepControllers;
import io.pipelinesgateway.support.SliceUpstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * {@code FeedController} alone (with {@code PipelineController} for a pipeline's repository): the feed's arguments
 * reach the service, the pipelines and repositories it read are primed into their DataLoaders so later fields cost
 * no load, a repository it could not read is an error with its code beside the data, and a cursor it did not issue
 * is BAD_USER_INPUT before the service is asked (moved here from the full-server
 * {@code FeedRefusesACursorItDidNotIssueTest}).
 */
@ControllerSliceTest
@MockitoBean(types = StepService.class)
@Import({FeedController.class, PipelineAndStepControllers.class,
        FeedFieldMapsToTheServiceAndPrimesTheDataLoadersTest.Upstream.class})
class FeedFieldMapsToTheServiceAndPrimesTheDataLoadersTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);
    private static final Repository API = new Repository("acme", "api", "{r}", "API", null, true, "main", "java",
            null, "https://bitbucket.org/acme/api");
    private static final Repository WEB = new Repository("acme", "web", "{s}", "Web", null, true, "main", "ts",
            null, "https://bitbucket.org/acme/web");

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @MockitoBean
    private FeedService feed;

    @TestConfiguration
    static class Upstream {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            return new SliceUpstream(loaders)
                    .serves(PipelineKey.class, Pipeline.class, key -> Mono.empty())
                    .serves(RepositoryKey.class, Repository.class, key -> Mono.empty());
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void theFeedsPipelinesAndTheirRepositoriesCostNoLoadAfterIt() {
        Pipeline pipeline = Pipeline.from(KEY_42, payload("pipeline-42.json", BitbucketPipeline.class),
                "https://bitbucket.org");
        when(feed.newest(any(), any(), anyInt())).thenReturn(Mono.just(new FeedSlice(List.of(API), List.of(pipeline),
                false, false, List.of(), List.of())));

        graphQl.document("""
                        { pipelines(filter: {workspaces: ["acme"], branches: ["main"]}, first: 5) {
                            nodes { buildNumber repository { name } } pageInfo { hasNextPage } } }
                        """)
                .execute()
                .path("pipelines.nodes[0].buildNumber").entity(Integer.class).isEqualTo(42)
                .path("pipelines.nodes[0].repository.name").entity(String.class).isEqualTo("API")
                .path("pipelines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        verify(feed).newest(eq(new PipelineFilter(List.of("acme"), null, null, List.of("main"), null, null, null)),
                eq(null), eq(5));
        assertThat(upstream.asked(Repository.class)).isEmpty();
    }

    @Test
    void aRepositoryTheFeedCouldNotReadIsAnErrorWithItsCodeBesideTheRest() {
        when(feed.newest(any(), any(), anyInt())).thenReturn(Mono.just(new FeedSlice(List.of(API, WEB), List.of(),
                false, false, List.of(new FeedSlice.Unreadable(WEB,
                        new GatewayException(ErrorCode.FORBIDDEN, "The credential cannot read it."))),
                List.of())));

        graphQl.document("{ pipelines(filter: {workspaces: [\"acme\"]}) { nodes { uuid } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")
                            .containsEntry("repository", "acme/web");
                    assertThat(error.getPath()).isEqualTo("pipelines");
                }))
                .path("pipelines.nodes").entityList(Object.class).hasSize(0);
    }

    @Test
    void anOffsetCursorIsBadUserInputBeforeTheServiceIsAsked() {
        graphQl.document("query($after: String) { pipelines(filter: {workspaces: [\"acme\"]}, after: $after) "
                        + "{ nodes { uuid } } }")
                .variable("after", Cursor.encode(20)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("not a cursor of the pipelines feed");
                }));

        verifyNoInteractions(feed);
    }
}

package io.pipelinesgateway.pipeline;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.SliceUpstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_41;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PipelineController} alone, over the whole schema: each field reads through the DataLoader of its value
 * type, its arguments become the loader's key, and a failure carries its code in {@code extensions.code}.
 */
@ControllerSliceTest
@Import({PipelineController.class, PipelineFieldsResolveThroughTheirDataLoadersTest.Upstream.class})
class PipelineFieldsResolveThroughTheirDataLoadersTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);
    private static final PipelineKey KEY_41 = new PipelineKey("acme", "api", PIPELINE_41);

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @TestConfiguration
    static class Upstream {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            Pipeline pipeline = Pipeline.from(KEY_42, payload("pipeline-42.json", BitbucketPipeline.class),
                    "https://bitbucket.org");
            Repository repository = new Repository("acme", "api", "{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}", "API",
                    null, true, "main", "java", null, "https://bitbucket.org/acme/api");
            return new SliceUpstream(loaders)
                    .serves(PipelineKey.class, Pipeline.class, Map.of(KEY_42, pipeline))
                    .serves(RepositoryKey.class, Repository.class, Map.of(new RepositoryKey("acme", "api"), repository))
                    .serves(PipelineListRequest.class, PipelineListing.class, request -> Mono.just(new PipelineListing(
                            Connection.ofList(List.of(pipeline),
                                    new PageRequest(request.first(), request.after().offset())))));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void aPipelineNamedByUuidIsLoadedOnceHoweverManyFieldsNameIt() {
        graphQl.document("""
                        {
                          a: pipeline(workspace: "acme", repository: "api", uuid: "%1$s") { buildNumber }
                          b: pipeline(workspace: "acme", repository: "api", uuid: "%1$s") { uuid }
                        }
                        """.formatted(PIPELINE_42))
                .execute()
                .path("a.buildNumber").entity(Integer.class).isEqualTo(42)
                .path("b.uuid").entity(String.class).isEqualTo(PIPELINE_42);

        assertThat(upstream.asked(Pipeline.class)).containsExactly(KEY_42);
    }

    @Test
    void aBuildNumberBecomesTheKeysLocator() {
        graphQl.document("{ pipeline(workspace: \"acme\", repository: \"api\", buildNumber: 7) { uuid } }")
                .execute();

        assertThat(upstream.asked(Pipeline.class)).containsExactly(new PipelineKey("acme", "api", "7"));
    }

    @Test
    void aMissingPipelineFailsAloneWithItsCode() {
        graphQl.document("""
                        {
                          found: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
                          missing: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
                        }
                        """.formatted(PIPELINE_42, PIPELINE_41))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getPath()).isEqualTo("missing");
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND");
                })
                .path("found.buildNumber").entity(Integer.class).isEqualTo(42)
                .path("missing").valueIsNull();

        assertThat(upstream.asked(Pipeline.class)).containsExactlyInAnyOrder(KEY_42, KEY_41);
    }

    @Test
    void bothUuidAndBuildNumberIsBadUserInputBeforeAnyLoad() {
        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s", buildNumber: 42) { uuid } }
                        """.formatted(PIPELINE_42))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));

        assertThat(upstream.asked(Pipeline.class)).isEmpty();
    }

    @Test
    void aRepositorysPipelinesPassTheirArgumentsToTheListingAndPrimeEachPipeline() {
        graphQl.document("""
                        {
                          pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            repository {
                              pipelines(first: 5, statuses: [FAILED], branch: "main", order: OLDEST_FIRST) {
                                nodes { buildNumber repository { slug } }
                              }
                              again: pipeline(uuid: "%1$s") { buildNumber }
                            }
                          }
                        }
                        """.formatted(PIPELINE_42))
                .execute()
                .path("pipeline.repository.pipelines.nodes[0].buildNumber").entity(Integer.class).isEqualTo(42)
                .path("pipeline.repository.pipelines.nodes[0].repository.slug").entity(String.class).isEqualTo("api")
                .path("pipeline.repository.again.buildNumber").entity(Integer.class).isEqualTo(42);

        assertThat(upstream.asked(PipelineListing.class)).singleElement().satisfies(key -> {
            PipelineListRequest request = (PipelineListRequest) key;
            assertThat(request.statuses()).containsExactly(PipelineStatus.FAILED);
            assertThat(request.branch()).isEqualTo("main");
            assertThat(request.newestFirst()).isFalse();
            assertThat(request.first()).isEqualTo(5);
        });
        assertThat(upstream.asked(Pipeline.class)).containsExactly(KEY_42);
        assertThat(upstream.asked(Repository.class)).containsExactly(new RepositoryKey("acme", "api"));
    }
}

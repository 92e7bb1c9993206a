package io.pipelinesgateway.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.SliceUpstream;
import io.pipelinesgateway.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_41;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code NodeController} with the node types the workspace, pipeline and step features contribute, and nothing
 * else: an ID is read by the type it names, through that type's DataLoader, and the IDs the objects write are the
 * ones clients stored before (pinned here byte for byte).
 */
@ControllerSliceTest
@Import({NodeController.class, NodeResolvesEachIdThroughTheTypeItNamesTest.Types.class})
@TestPropertySource(properties = "gateway.nodes.max-ids=3")
class NodeResolvesEachIdThroughTheTypeItNamesTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);
    private static final StepKey STEP_KEY = new StepKey("acme", "api", PIPELINE_42, STEP_TEST);

    private static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id } }""";
    private static final String NODES = """
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }""";

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @TestConfiguration
    @EnableConfigurationProperties(NodeProperties.class)
    @ComponentScan(basePackages = "io.pipelinesgateway", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = "io\\.pipelinesgateway\\.(workspace|pipeline|step)\\.[A-Za-z]+NodeType"))
    static class Types {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            return new SliceUpstream(loaders)
                    .serves(String.class, Workspace.class, Map.of("acme",
                            new Workspace("{w}", "acme", "Acme", true, null, "https://bitbucket.org/acme", null)))
                    .serves(PipelineKey.class, Pipeline.class, Map.of(KEY_42, Pipeline.from(KEY_42,
                            payload("pipeline-42.json", BitbucketPipeline.class), "https://bitbucket.org")))
                    .serves(StepKey.class, Step.class, Map.of(STEP_KEY,
                            Step.from(STEP_KEY, payload("step-integration-tests.json", BitbucketStep.class))));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void eachTypeReadsItsIdThroughItsDataLoaderAndWritesTheIdClientsStored() {
        String workspace = id("Workspace\nacme");
        String pipeline = id("Pipeline\nacme\napi\n" + PIPELINE_42);
        String step = id("Step\nacme\napi\n" + PIPELINE_42 + "\n" + STEP_TEST);

        for (String each : List.of(workspace, pipeline, step)) {
            graphQl.document(NODE).variable("id", each).execute().path("node.id").entity(String.class)
                    .isEqualTo(each);
        }

        assertThat(upstream.asked(Workspace.class)).containsExactly("acme");
        assertThat(upstream.asked(Pipeline.class)).containsExactly(KEY_42);
        assertThat(upstream.asked(Step.class)).containsExactly(STEP_KEY);
    }

    @Test
    void aPipelineIdMayNameItsBuildNumber() {
        graphQl.document(NODE).variable("id", id("Pipeline\nacme\napi\n42")).execute();

        assertThat(upstream.asked(Pipeline.class)).containsExactly(new PipelineKey("acme", "api", "42"));
    }

    @Test
    void nodesLoadsAnIdNamedTwiceOnceAndAnswersAMissingOneWithNullInItsPlace() {
        String pipeline = id("Pipeline\nacme\napi\n" + PIPELINE_42);
        String missing = id("Pipeline\nacme\napi\n" + PIPELINE_41);

        GraphQlTester.Response response = graphQl.document(NODES)
                .variable("ids", List.of(pipeline, missing, pipeline)).execute();

        response.errors().verify();
        response.path("nodes[0].id").entity(String.class).isEqualTo(pipeline)
                .path("nodes[1]").valueIsNull()
                .path("nodes[2].id").entity(String.class).isEqualTo(pipeline);
        assertThat(upstream.asked(Pipeline.class)).containsExactlyInAnyOrder(KEY_42,
                new PipelineKey("acme", "api", PIPELINE_41));
    }

    @Test
    void anIdOfATypeNoFeatureContributedIsBadUserInput() {
        badUserInput(id("Widget\nacme"), "is not an ID this gateway issued");
    }

    @Test
    void anIdWithTooFewOrTooManyPartsForItsTypeIsBadUserInput() {
        badUserInput(id("Pipeline\nacme\napi"), "The ID of a Pipeline is malformed");
        badUserInput(id("Step\nacme\napi\n" + PIPELINE_42 + "\n" + STEP_TEST + "\nmore"),
                "The ID of a Step is malformed");
        badUserInput("not base64 at all!", "is not an ID this gateway issued");
    }

    @Test
    void nodesRefusesMoreIdsThanItsCapBeforeAnyLoad() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(id("Workspace\nacme"));
        }

        graphQl.document(NODES).variable("ids", ids).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("'ids' holds 4 IDs").contains("at most 3");
                }));
        assertThat(upstream.asked(Workspace.class)).isEmpty();
    }

    private void badUserInput(String id, String message) {
        graphQl.document(NODE).variable("id", id).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains(message);
                }));
    }

    /** A global ID as clients hold it: the type and its coordinates, one a line, base64url without padding. */
    private static String id(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}

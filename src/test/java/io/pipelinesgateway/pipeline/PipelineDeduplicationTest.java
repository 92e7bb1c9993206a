package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static io.pipelinesgateway.support.Fixtures.stepsPath;
import static org.assertj.core.api.Assertions.assertThat;

/** A query that names the same Bitbucket resource more than once costs one upstream call for it. */
class PipelineDeduplicationTest extends GatewayTest {

    @Test
    void readsAPipelineNamedTwiceInOneQueryOnce() {
        given("pipeline-42.json");

        graphQl.document("""
                        query($uuid: ID) {
                          a: pipeline(workspace: "acme", repository: "api", uuid: $uuid) { buildNumber }
                          b: pipeline(workspace: "acme", repository: "api", uuid: $uuid) { status }
                          c: pipeline(workspace: "acme", repository: "api", uuid: "4C5D6E7F-8A9B-4C0D-9E1F-2A3B4C5D6E7F") { uuid }
                        }
                        """)
                .variable("uuid", PIPELINE_42)
                .execute()
                .path("a.buildNumber").entity(Integer.class).isEqualTo(42)
                .path("b.status").entity(String.class).isEqualTo("SUCCESSFUL")
                .path("c.uuid").entity(String.class).isEqualTo(PIPELINE_42);

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(1);
        assertThat(upstreamRequests()).hasSize(1);
    }

    @Test
    void readsAPipelineNamedByItsUuidAndByItsGlobalIdOnce() {
        given("pipeline-42.json");
        String id = graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") { id } }
                        """.formatted(PIPELINE_42))
                .execute().path("pipeline.id").entity(String.class).get();
        bitbucket.resetRequests();

        graphQl.document("""
                        query($id: ID!) {
                          node(id: $id) { ... on Pipeline { buildNumber } }
                          pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
                        }
                        """.formatted(PIPELINE_42))
                .variable("id", id)
                .execute()
                .path("node.buildNumber").entity(Integer.class).isEqualTo(42)
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42)));
    }

    @Test
    void readsNoPipelineAgainThatTheQueryListedBefore() {
        given("repository-api.json");
        given("pipelines-successful-or-failed.json");
        given("steps-pipeline-42.json");
        given("pipeline-42.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            pipelines(first: 1, statuses: [SUCCESSFUL, FAILED]) { nodes {
                              uuid steps { name pipeline { buildNumber status } } } } } }
                        """)
                .execute()
                .path("repository.pipelines.nodes[0].uuid").entity(String.class).isEqualTo(PIPELINE_42)
                .path("repository.pipelines.nodes[0].steps[*].pipeline.buildNumber").entityList(Integer.class)
                .containsExactly(42, 42);

        bitbucket.verify(exactly(1), getOf(pipelinesPath()));
        bitbucket.verify(exactly(1), getOf(stepsPath(PIPELINE_42)));
        bitbucket.verify(0, getOf(pipelinePath(PIPELINE_42)));
    }

    @Test
    void readsTheRepositoryOfManyPipelinesOnce() {
        given("repository-api.json");
        given("pipelines-newest-first.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            name pipelines { nodes { repository { fullName } } } } }
                        """)
                .execute()
                .path("repository.pipelines.nodes[*].repository.fullName").entityList(String.class)
                .containsExactly("acme/api", "acme/api", "acme/api", "acme/api", "acme/api");

        bitbucket.verify(exactly(1), getOf("/repositories/acme/api"));
    }

    @Test
    void readsTheSameStepsOnceForTwoAliases() {
        given("pipeline-42.json");
        given("steps-pipeline-42.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                          first: steps { name } again: steps { uuid } } }
                        """)
                .variable("uuid", PIPELINE_42)
                .execute()
                .path("pipeline.again[*].uuid").entityList(String.class).hasSize(2);

        bitbucket.verify(exactly(1), getOf(stepsPath(PIPELINE_42)));
    }
}

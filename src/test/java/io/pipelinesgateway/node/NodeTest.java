package io.pipelinesgateway.node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_FAILED;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global IDs: every {@code id} the gateway returns for a Workspace, Repository, Pipeline, Step or TestCase resolves
 * again with {@code node(id:)} and {@code nodes(ids:)}, reading the object from Bitbucket again.
 */
class NodeTest extends GatewayTest {

    private static final String IDS = """
            query($pipeline: ID, $step: ID!, $failed: [TestCaseStatus!]) {
              workspace(slug: "acme") { id }
              repository(workspace: "acme", slug: "api") { id }
              pipeline(workspace: "acme", repository: "api", uuid: $pipeline) {
                id
                step(uuid: $step) { id testCases(statuses: $failed) { nodes { id } } }
              }
            }
            """;

    private static final String NODE = """
            query($id: ID!) { node(id: $id) {
              __typename id
              ... on Workspace { slug }
              ... on Repository { fullName }
              ... on Pipeline { buildNumber }
              ... on Step { name }
              ... on TestCase { name status }
            } }
            """;

    private String workspaceId;
    private String repositoryId;
    private String pipelineId;
    private String stepId;
    private String testCaseId;

    @BeforeEach
    void readTheIds() {
        given("workspace-acme.json");
        given("repository-api.json");
        given("pipeline-42.json");
        given("step-integration-tests.json");
        given("test-report-summary.json");
        given("test-cases.json");

        var response = graphQl.document(IDS)
                .variable("pipeline", PIPELINE_42)
                .variable("step", STEP_TEST)
                .variable("failed", List.of("FAILED"))
                .execute();
        workspaceId = response.path("workspace.id").entity(String.class).get();
        repositoryId = response.path("repository.id").entity(String.class).get();
        pipelineId = response.path("pipeline.id").entity(String.class).get();
        stepId = response.path("pipeline.step.id").entity(String.class).get();
        testCaseId = response.path("pipeline.step.testCases.nodes[0].id").entity(String.class).get();
        bitbucket.resetRequests();
    }

    @Test
    void resolvesAWorkspaceById() {
        node(workspaceId).matchesJsonStrictly("""
                {"__typename": "Workspace", "id": "%s", "slug": "acme"}
                """.formatted(workspaceId));
        bitbucket.verify(exactly(1), getOf("/workspaces/acme"));
    }

    @Test
    void resolvesARepositoryById() {
        node(repositoryId).matchesJsonStrictly("""
                {"__typename": "Repository", "id": "%s", "fullName": "acme/api"}
                """.formatted(repositoryId));
        bitbucket.verify(exactly(1), getOf("/repositories/acme/api"));
    }

    @Test
    void resolvesAPipelineById() {
        node(pipelineId).matchesJsonStrictly("""
                {"__typename": "Pipeline", "id": "%s", "buildNumber": 42}
                """.formatted(pipelineId));
        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42)));
    }

    @Test
    void resolvesAStepById() {
        node(stepId).matchesJsonStrictly("""
                {"__typename": "Step", "id": "%s", "name": "Integration tests"}
                """.formatted(stepId));
        bitbucket.verify(exactly(1), getOf(stepPath(PIPELINE_42, STEP_TEST)));
    }

    @Test
    void resolvesATestCaseByIdByLookingItUpInItsStepsTestCases() {
        node(testCaseId).matchesJsonStrictly("""
                {"__typename": "TestCase", "id": "%s", "name": "rejectsAnExpiredToken", "status": "FAILED"}
                """.formatted(testCaseId));
        bitbucket.verify(exactly(1), getOf(stepPath(PIPELINE_42, STEP_TEST) + "/test_reports/test_cases"));
    }

    @Test
    void resolvesSeveralIdsInOrderWithNullForOneBitbucketNoLongerHas() {
        given("error-404.json"); // the pipeline is gone now
        String gone = pipelineId;

        graphQl.document("""
                        query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }
                        """)
                .variable("ids", List.of(testCaseId, gone, stepId, repositoryId, workspaceId))
                .execute()
                .path("nodes").matchesJsonStrictly("""
                        [{"__typename": "TestCase", "id": "%s"}, null, {"__typename": "Step", "id": "%s"},
                         {"__typename": "Repository", "id": "%s"}, {"__typename": "Workspace", "id": "%s"}]
                        """.formatted(testCaseId, stepId, repositoryId, workspaceId));
    }

    @Test
    void anIdThatCannotBeReadCostsOnlyItsOwnPlaceWithAnErrorPathedToIt() {
        graphQl.document("""
                        query($ids: [ID!]!) { workspace(slug: "acme") { slug } nodes(ids: $ids) { __typename id } }
                        """)
                .variable("ids", List.of(workspaceId, "garbage", repositoryId))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getParsedPath()).isEqualTo(List.of("nodes", 1));
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("'garbage'");
                }))
                .path("workspace.slug").entity(String.class).isEqualTo("acme")
                .path("nodes").matchesJsonStrictly("""
                        [{"__typename": "Workspace", "id": "%s"}, null, {"__typename": "Repository", "id": "%s"}]
                        """.formatted(workspaceId, repositoryId));
    }

    @Test
    void anIdWhosePartsItsTypeCannotReadNamesItsPlaceInIds() {
        graphQl.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
                .variable("ids", List.of(workspaceId, GlobalId.encode("Pipeline", "acme", "api", "not-a-uuid")))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getParsedPath()).isEqualTo(List.of("nodes", 1));
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", List.of("ids", "1"));
                }));
    }

    @Test
    void keepsTheTestCaseUuidInItsId() {
        node(testCaseId).path("node.id").entity(String.class).satisfies(id -> {
            String decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            assertThat(decoded).startsWith("TestCase\n").endsWith(TEST_CASE_FAILED);
        });
    }

    private GraphQlTester.Path node(String id) {
        return graphQl.document(NODE).variable("id", id).execute().path("node");
    }
}

package io.pipelinesgateway.sandbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole read path end to end: one GraphQL query from workspaces down to the reasons of failed test cases,
 * answered by the gateway from the sandbox over real HTTP, with no error.
 */
@SandboxTest
class GatewayReadsTheSandboxTest {

    private static final String DASHBOARD = """
            {
              workspaces {
                nodes {
                  slug
                  repositories(first: 3) {
                    nodes {
                      fullName
                      pipelines(first: 5, statuses: [FAILED]) {
                        nodes {
                          buildNumber status createdOn
                          steps {
                            name status
                            log {
                              size
                              tail(lines: 3) { text offset totalSize }
                              range(offset: 0, length: 40) { offset length text hasMore }
                            }
                            testReport { total successful failed skipped errored }
                            testCases(first: 10, statuses: [FAILED]) {
                              nodes { name status reasons { message stackTrace } }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """;

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql").build());
    }

    @Test
    void oneQueryReadsFromWorkspacesDownToTheReasonsOfFailedTestsWithoutAnError() {
        List<Map<String, Object>> workspaces = graphQl.document(DASHBOARD).execute()
                .errors().verify()
                .path("workspaces.nodes").entityList(mapType()).get();

        assertThat(workspaces).extracting(workspace -> workspace.get("slug")).contains("acme", "globex");
        List<Map<String, Object>> pipelines = children(children(workspaces, "repositories"), "pipelines");
        assertThat(pipelines).isNotEmpty().allSatisfy(pipeline -> assertThat(pipeline.get("status")).isEqualTo("FAILED"));

        List<Map<String, Object>> steps = children(pipelines, "steps");
        List<Map<String, Object>> failedSteps = steps.stream().filter(step -> "FAILED".equals(step.get("status")))
                .toList();
        assertThat(failedSteps).isNotEmpty().allSatisfy(step -> {
            Map<String, Object> log = map(step.get("log"));
            assertThat((Integer) log.get("size")).isPositive();
            Map<String, Object> tail = map(log.get("tail"));
            assertThat((String) tail.get("text")).isNotBlank();
            assertThat((Integer) tail.get("offset") + ((String) tail.get("text")).length())
                    .isEqualTo(log.get("size"));
            Map<String, Object> range = map(log.get("range"));
            assertThat(range.get("offset")).isEqualTo(0);
            assertThat(range.get("length")).isEqualTo(40);
            assertThat(range.get("hasMore")).isEqualTo(true);
        });

        List<Map<String, Object>> reports = steps.stream().map(step -> step.get("testReport"))
                .filter(report -> report != null).map(GatewayReadsTheSandboxTest::map).toList();
        assertThat(reports).anySatisfy(report -> assertThat((Integer) report.get("failed")).isPositive());

        List<Map<String, Object>> failedCases = children(steps, "testCases");
        assertThat(failedCases).isNotEmpty().allSatisfy(testCase -> {
            assertThat(testCase.get("status")).isEqualTo("FAILED");
            List<Map<String, Object>> reasons = list(testCase.get("reasons"));
            assertThat(reasons).isNotEmpty();
            assertThat((String) reasons.get(0).get("message")).isNotBlank();
        });
    }

    @Test
    void aWorkspaceAccessTokenIsToldItHasNoWorkspacesToListAndStillReadsItsWorkspace() {
        HttpGraphQlTester withAccessToken = graphQl.mutate().header("Authorization", "Bearer access-token").build();

        withAccessToken.document("{ workspaces { nodes { slug } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(error.getMessage()).contains("access token belongs to no account", "workspace(slug:",
                            "This API is not accessible by this authentication mechanism");
                }));
        withAccessToken.document("{ workspace(slug: \"acme\") { repositories(first: 1) { nodes { slug } } } }")
                .execute().errors().verify()
                .path("workspace.repositories.nodes").entityList(Object.class).hasSize(1);
    }

    @Test
    void aRepositorysPipelinesComeNewestFirstAndTheBranchFilterKeepsOnlyThatBranch() {
        List<Map<String, Object>> newestFirst = graphQl.document("""
                { repository(workspace: "acme", slug: "api") {
                    pipelines(first: 30) { nodes { buildNumber createdOn } } } }
                """).execute().errors().verify()
                .path("repository.pipelines.nodes").entityList(mapType()).get();
        List<OffsetDateTime> created = newestFirst.stream()
                .map(pipeline -> OffsetDateTime.parse((String) pipeline.get("createdOn"))).toList();
        assertThat(created).hasSizeGreaterThan(10).isSortedAccordingTo((a, b) -> b.compareTo(a));

        List<Map<String, Object>> onDevelop = graphQl.document("""
                { repository(workspace: "acme", slug: "api") {
                    pipelines(first: 4, branch: "develop") {
                      totalCount
                      nodes { buildNumber target { branch } }
                    } } }
                """).execute().errors().verify()
                .path("repository.pipelines.totalCount").valueIsNull()
                .path("repository.pipelines.nodes").entityList(mapType()).get();
        assertThat(onDevelop).hasSize(4)
                .allSatisfy(pipeline -> assertThat(map(pipeline.get("target")).get("branch")).isEqualTo("develop"));
    }

    @Test
    void aPausedPipelinesManualStepWaitsForAPersonAndThePauseIsNotCountedAsDuration() {
        List<Map<String, Object>> workspaces = graphQl.document("""
                {
                  workspaces {
                    nodes {
                      repositories(first: 3) {
                        nodes {
                          pipelines(first: 5, statuses: [PAUSED]) {
                            nodes { status durationSeconds wallClockSeconds steps { status trigger { kind } } }
                          }
                        }
                      }
                    }
                  }
                }""").execute().errors().verify()
                .path("workspaces.nodes").entityList(mapType()).get();

        List<Map<String, Object>> paused = children(children(workspaces, "repositories"), "pipelines");
        assertThat(paused).isNotEmpty().allSatisfy(pipeline -> {
            assertThat(pipeline.get("wallClockSeconds")).isNull();
            assertThat(pipeline.get("durationSeconds")).isNotNull();
            assertThat(list(pipeline.get("steps")))
                    .filteredOn(step -> "PAUSED".equals(step.get("status"))).singleElement()
                    .satisfies(step -> assertThat(map(step.get("trigger")).get("kind")).isEqualTo("MANUAL"));
        });
    }

    private static List<Map<String, Object>> children(List<Map<String, Object>> parents, String field) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (Map<String, Object> parent : parents) {
            Object value = parent.get(field);
            if (value instanceof Map<?, ?> connection) {
                children.addAll(list(connection.get("nodes")));
            }
            else if (value instanceof List<?>) {
                children.addAll(list(value));
            }
        }
        return children;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}

package io.pipelinesgateway.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_FAILED;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code nodes(ids:)} answers every list of IDs up to its cap ({@code gateway.nodes.max-ids}, 500), however many
 * distinct objects and of however many types it names, each in its place; one ID more is refused as
 * BAD_USER_INPUT before any upstream call. The 500 IDs here name the workspace and, interleaved, 125 repositories,
 * 125 pipelines, 125 steps and 124 test cases (each in a step of its own): 500 objects, each its own upstream call.
 */
class NodesAnswerEveryIdUpToTheCapTest extends GatewayTest {

    private static final int CAP = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String NODES = """
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }""";

    private final List<String> ids = new ArrayList<>();
    private final List<String> types = new ArrayList<>();

    @BeforeEach
    void fiveHundredObjectsOfFiveTypes() {
        // One workspace: the circuit breaker the tests configure is per workspace, and slow to build.
        given("workspace-acme.json");
        add("Workspace", "acme");
        for (int index = 0; ids.size() < CAP; index++) {
            String repository = "repo-" + index;
            stub("/repositories/acme/" + repository, Payloads.text("repository-api.json")
                    .replace("\"acme/api\"", "\"acme/" + repository + "\"")
                    .replace("\"slug\": \"api\"", "\"slug\": \"" + repository + "\""));
            add("Repository", "acme", repository);

            String pipeline = uuid("0001", index);
            stub(pipelinePath(pipeline), Payloads.text("pipeline-42.json").replace(PIPELINE_42, pipeline));
            add("Pipeline", "acme", "api", pipeline);

            String step = uuid("0002", index);
            stub(stepPath(PIPELINE_42, step), Payloads.text("step-integration-tests.json").replace(STEP_TEST, step));
            add("Step", "acme", "api", PIPELINE_42, step);

            if (ids.size() < CAP) {
                String reportedStep = uuid("0003", index);
                stub(stepPath(PIPELINE_42, reportedStep) + "/test_reports/test_cases",
                        Payloads.text("test-cases.json"));
                add("TestCase", "acme", "api", PIPELINE_42, reportedStep, TEST_CASE_FAILED);
            }
        }
    }

    @Test
    void asManyIdsAsTheCapOfEveryTypeAnswerInOrder() {
        // Before the fix, the answer never came; a busy machine takes up to a minute for the 500 upstream calls.
        HttpGraphQlTester patient = HttpGraphQlTester.create(http(Fixtures.bearer(), "/graphql").mutate()
                .responseTimeout(TIMEOUT).build());
        GraphQlTester.Response response = assertTimeoutPreemptively(TIMEOUT,
                () -> patient.document(NODES).variable("ids", ids).execute());

        response.errors().verify();
        assertThat(response.path("nodes[*].id").entityList(String.class).get()).containsExactlyElementsOf(ids);
        assertThat(response.path("nodes[*].__typename").entityList(String.class).get())
                .containsExactlyElementsOf(types);
    }

    @Test
    void oneIdPastTheCapIsRefusedBeforeAnyUpstreamCall() {
        ids.add(GlobalId.encode("Repository", "acme", "one-more"));

        graphQl.document(NODES).variable("ids", ids).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("501").contains(String.valueOf(CAP));
                }));

        assertThat(upstreamRequests()).isEmpty();
    }

    private void add(String type, String... parts) {
        ids.add(GlobalId.encode(type, parts));
        types.add(type);
    }

    private void stub(String path, String body) {
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(path))).willReturn(okJson(body)));
    }

    private static String uuid(String group, int index) {
        return String.format("{%08d-%s-4000-8000-%012d}", index, group, index);
    }
}

package io.pipelinesgateway.bitbucket;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.ResponseError;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.repositoryPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's spec requires nothing but {@code type} on its objects. An answer that lacks an optional property (the
 * minimal objects below: {@code type} alone) never costs a list or a parent: children are read by the coordinates
 * the gateway already knows, and a value the schema shows that Bitbucket did not send is null with an
 * {@code UPSTREAM_INCOMPLETE} error on its own path.
 */
class AnswersLackingOptionalPropertiesStillResolveTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VARIABLE_UUID = "{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}";
    private static final String VARIABLE_IDS =
            "{ repository(workspace: \"acme\", slug: \"api\") { variables { nodes { id } } } }";

    @Test
    void aPipelineWithoutItsUuidStillReadsItsStepsByTheUuidTheCallerGave() {
        stub(pipelinePath(PIPELINE_42), "{\"type\": \"pipeline\"}");
        given("steps-pipeline-42.json");

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            uuid buildNumber status steps { name } } }""".formatted(PIPELINE_42))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_INCOMPLETE");
                    assertThat(error.getPath()).isEqualTo("pipeline.buildNumber");
                    assertThat(error.getMessage()).contains("build_number");
                }))
                .path("pipeline.uuid").entity(String.class).isEqualTo(PIPELINE_42)
                .path("pipeline.buildNumber").valueIsNull()
                .path("pipeline.status").entity(String.class).isEqualTo("UNKNOWN")
                .path("pipeline.steps[*].name").entityList(String.class)
                .contains("Build and unit test", "Integration tests");
    }

    @Test
    void aPipelineReadByBuildNumberWithoutItsUuidIsLocatedByThatNumber() {
        stub(repositoryPath() + "/pipelines/42", "{\"type\": \"pipeline\"}");
        stub(repositoryPath() + "/pipelines/42/steps/", page(List.of(Map.of("type", "pipeline_step",
                "name", "Build"))));

        String id = graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", buildNumber: 42) {
                            id uuid buildNumber webUrl steps { name } } }""")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(ResponseError::getPath)
                        .containsExactly("pipeline.uuid"))
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42)
                .path("pipeline.webUrl").entity(String.class).isEqualTo(WEB_URL + "/acme/api/pipelines/results/42")
                .path("pipeline.steps[0].name").entity(String.class).isEqualTo("Build")
                .path("pipeline.id").entity(String.class).get();

        graphQl.document("{ node(id: \"" + id + "\") { ... on Pipeline { buildNumber } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(ResponseError::getPath)
                        .doesNotContain("node"))
                .path("node.buildNumber").entity(Integer.class).isEqualTo(42);
    }

    @Test
    void aRepositoryWithoutItsSlugStillReadsItsChildrenByTheSlugTheCallerGave() {
        stub(repositoryPath(), "{\"type\": \"repository\"}");
        given("repository-variables.json");
        given("pipelines-newest-first.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            slug fullName variables { totalCount } pipelines(first: 1) { nodes { buildNumber } } } }""")
                .execute()
                .errors().verify()
                .path("repository.slug").entity(String.class).isEqualTo("api")
                .path("repository.fullName").entity(String.class).isEqualTo("acme/api")
                .path("repository.variables.totalCount").entity(Integer.class).satisfies(
                        count -> assertThat(count).isPositive())
                .path("repository.pipelines.nodes").entityList(Object.class).hasSize(1);
    }

    @Test
    void aWorkspaceWithoutItsSlugStillListsItsRepositoriesByTheSlugTheCallerGave() {
        stub("/workspaces/acme", "{\"type\": \"workspace\"}");
        given("repositories-acme.json");

        graphQl.document("{ workspace(slug: \"acme\") { slug repositories(first: 100) { nodes { slug } } } }")
                .execute()
                .errors().verify()
                .path("workspace.slug").entity(String.class).isEqualTo("acme")
                .path("workspace.repositories.nodes[*].slug").entityList(String.class).contains("api");
    }

    @Test
    void aVariableWithoutKeyOrUuidLeavesTheOtherVariablesInTheList() {
        given("repository-api.json");
        stub(repositoryPath() + "/pipelines_config/variables/", page(List.of(
                Map.of("type", "pipeline_variable"),
                Map.of("type", "pipeline_variable", "uuid", VARIABLE_UUID, "key", "REGION", "value", "eu-west-1",
                        "secured", false))));

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { variables {
                            nodes { id uuid key value secured } } } }""")
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).extracting(ResponseError::getPath).containsExactlyInAnyOrder(
                            "repository.variables.nodes[0].uuid", "repository.variables.nodes[0].key");
                    assertThat(errors).allSatisfy(error -> assertThat(code(error)).isEqualTo("UPSTREAM_INCOMPLETE"));
                })
                .path("repository.variables.nodes").entityList(Object.class).hasSize(2)
                .path("repository.variables.nodes[0].key").valueIsNull()
                .path("repository.variables.nodes[0].id").entity(String.class).satisfies(
                        id -> assertThat(id).isNotBlank())
                .path("repository.variables.nodes[1].key").entity(String.class).isEqualTo("REGION")
                .path("repository.variables.nodes[1].value").entity(String.class).isEqualTo("eu-west-1");
    }

    @Test
    void aVariableCreatedWithAnAnswerLackingItsKeyIsStillAnsweredWithTheKeySent() {
        bitbucket.stubFor(post(urlPathEqualTo(api(repositoryPath() + "/pipelines_config/variables/")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\": \"pipeline_variable\", \"uuid\": \"" + VARIABLE_UUID + "\"}")));

        graphQl.document("""
                        mutation { createVariable(input: {scope: {workspace: "acme", repository: "api"},
                            key: "DEPLOY_TOKEN", value: "s3cr3t-value", secured: true}) {
                            variable { id uuid key value secured } userErrors { field message } } }""")
                .execute()
                .errors().verify()
                .path("createVariable.userErrors").entityList(Object.class).hasSize(0)
                .path("createVariable.variable.uuid").entity(String.class).isEqualTo(VARIABLE_UUID)
                .path("createVariable.variable.key").entity(String.class).isEqualTo("DEPLOY_TOKEN")
                .path("createVariable.variable.secured").entity(Boolean.class).isEqualTo(true)
                .path("createVariable.variable.value").valueIsNull();
    }

    @Test
    void aVariableListedWithoutItsUuidIsStillFoundByItsId() {
        given("repository-api.json");
        stub(repositoryPath() + "/pipelines_config/variables/", page(List.of(
                Map.of("type", "pipeline_variable", "key", "REGION", "value", "eu-west-1", "secured", false))));

        String id = graphQl.document(VARIABLE_IDS)
                .execute()
                .path("repository.variables.nodes[0].id").entity(String.class).get();

        graphQl.document("{ node(id: \"" + id + "\") { ... on Variable { key value } } }")
                .execute()
                .errors().verify()
                .path("node.key").entity(String.class).isEqualTo("REGION")
                .path("node.value").entity(String.class).isEqualTo("eu-west-1");
    }

    @Test
    void aVariableListedWithoutItsUuidIsChangedByTheUuidBitbucketListsForItsKeyLater() {
        given("repository-api.json");
        stub(repositoryPath() + "/pipelines_config/variables/", page(List.of(
                Map.of("type", "pipeline_variable", "key", "REGION", "value", "eu-west-1", "secured", false))));
        String id = graphQl.document(VARIABLE_IDS)
                .execute()
                .path("repository.variables.nodes[0].id").entity(String.class).get();
        stub(repositoryPath() + "/pipelines_config/variables/", page(List.of(
                Map.of("type", "pipeline_variable", "uuid", VARIABLE_UUID, "key", "REGION", "value", "eu-west-1",
                        "secured", false))));
        bitbucket.stubFor(put(urlPathEqualTo(api(repositoryPath() + "/pipelines_config/variables/"
                + VARIABLE_UUID.replace("{", "%7B").replace("}", "%7D"))))
                .willReturn(okJson("{\"type\": \"pipeline_variable\"}")));

        graphQl.document("mutation { updateVariable(input: {id: \"" + id + "\", value: \"eu-north-1\"}) {"
                        + " variable { uuid key value } userErrors { message } } }")
                .execute()
                .errors().verify()
                .path("updateVariable.userErrors").entityList(Object.class).hasSize(0)
                .path("updateVariable.variable.uuid").entity(String.class).isEqualTo(VARIABLE_UUID)
                .path("updateVariable.variable.key").entity(String.class).isEqualTo("REGION")
                .path("updateVariable.variable.value").entity(String.class).isEqualTo("eu-north-1");
    }

    @Test
    void everyConfigurationListKeepsItsItemsWhenOneIsAMinimalObject() {
        given("repository-api.json");
        given("known-hosts.json", response -> okJson(withMinimalItem("known-hosts.json", "pipeline_known_host")));
        given("schedules.json", response -> okJson(withMinimalItem("schedules.json", "pipeline_schedule")));
        given("environments.json", response -> okJson(withMinimalItem("environments.json",
                "deployment_environment")));
        given("caches.json", response -> okJson(withMinimalItem("caches.json", "pipeline_cache")));
        stub(repositoryPath() + "/pipelines_config", "{\"type\": \"repository_pipelines_configuration\"}");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            pipelinesConfiguration { enabled }
                            knownHosts { nodes { id uuid hostname } }
                            schedules { nodes { id uuid enabled executions { totalCount } } }
                            deploymentEnvironments { nodes { id uuid name variables { totalCount } } }
                            caches { nodes { uuid name contentUri } } } }""")
                .execute()
                .errors().satisfy(errors -> {
                    // The real items' children are not stubbed here (NOT_FOUND); what counts is that nothing failed
                    // unexpectedly, and that the minimal item's gaps are reported where they are.
                    assertThat(errors).noneSatisfy(error -> assertThat(code(error)).isEqualTo("INTERNAL_ERROR"));
                    assertThat(errors).filteredOn(error -> code(error).equals("UPSTREAM_INCOMPLETE"))
                            .extracting(ResponseError::getPath).containsExactlyInAnyOrder(
                            "repository.pipelinesConfiguration.enabled",
                            "repository.knownHosts.nodes[0].uuid",
                            "repository.schedules.nodes[0].uuid", "repository.schedules.nodes[0].enabled",
                            "repository.schedules.nodes[0].executions",
                            "repository.deploymentEnvironments.nodes[0].uuid",
                            "repository.deploymentEnvironments.nodes[0].variables",
                            "repository.caches.nodes[0].uuid", "repository.caches.nodes[0].contentUri");
                })
                .path("repository.knownHosts.nodes").entityList(Object.class).hasSize(count("known-hosts.json"))
                .path("repository.schedules.nodes").entityList(Object.class).hasSize(count("schedules.json"))
                .path("repository.deploymentEnvironments.nodes").entityList(Object.class)
                .hasSize(count("environments.json"))
                .path("repository.caches.nodes").entityList(Object.class).hasSize(count("caches.json"));
    }

    @Test
    void aStepAndATestCaseWithoutTheirUuidsKeepTheirSiblings() {
        given("pipeline-42.json");
        given("step-integration-tests.json");
        given("steps-pipeline-42.json", response -> okJson(withMinimalItem("steps-pipeline-42.json",
                "pipeline_step")));
        given("test-report-summary.json");
        given("test-cases.json", response -> okJson(withMinimalItem("test-cases.json", "test_case")));

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            steps { uuid name log { size } }
                            step(uuid: "%s") { testCases { nodes { id uuid status reasons { message } } } } } }"""
                        .formatted(PIPELINE_42, STEP_TEST))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).allSatisfy(error -> assertThat(code(error)).isEqualTo("UPSTREAM_INCOMPLETE"));
                    assertThat(errors).extracting(ResponseError::getPath).containsExactlyInAnyOrder(
                            "pipeline.steps[0].uuid", "pipeline.steps[0].log.size",
                            // A case without a status is no failure: its reasons are not asked for at all.
                            "pipeline.step.testCases.nodes[0].uuid");
                })
                .path("pipeline.steps").entityList(Object.class).hasSize(count("steps-pipeline-42.json"))
                .path("pipeline.step.testCases.nodes").entityList(Object.class).hasSize(count("test-cases.json"));
        assertThat(upstreamRequests()).noneSatisfy(request -> assertThat(request.getUrl()).contains("null"));
    }

    private void stub(String path, String body) {
        bitbucket.stubFor(get(urlPathEqualTo(api(path))).willReturn(okJson(body)));
    }

    private static String page(List<Map<String, Object>> values) {
        return JSON.writeValueAsString(Map.of("page", 1, "pagelen", 100, "size", values.size(), "values", values));
    }

    /** A payload's page with a minimal object ({@code type} alone) put first. */
    @SuppressWarnings("unchecked")
    private static String withMinimalItem(String file, String type) {
        Map<String, Object> page = JSON.readValue(Payloads.bytes(file), Map.class);
        List<Object> values = new java.util.ArrayList<>((List<Object>) page.get("values"));
        values.add(0, Map.of("type", type));
        page.put("values", values);
        page.put("size", values.size());
        return JSON.writeValueAsString(page);
    }

    @SuppressWarnings("unchecked")
    private static int count(String file) {
        return ((List<Object>) JSON.readValue(Payloads.bytes(file), Map.class).get("values")).size() + 1;
    }
}

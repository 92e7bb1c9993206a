package io.pipelinesgateway.variable;

import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/**
 * Variables are read at every level through the schema (the repository's, each deployment environment's, and the
 * deprecated team and user ones), one variable by its ID with Bitbucket's read of one variable where there is one,
 * and a secured value is never returned even when an upstream sends one.
 */
class VariableReadsAtEveryLevelTest extends MutationTestSupport {

    @Test
    void aRepositorysVariablesHideTheSecuredValue() {
        given("repository-api.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")), 200,
                "repository-variables.json");

        GraphQlTester.Response response = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            variables { totalCount nodes { key value secured level } } } }""")
                .execute();

        response.errors().verify();
        response.path("repository.variables.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("repository.variables.nodes[0].value").entity(String.class).isEqualTo("eu-west-1");
        response.path("repository.variables.nodes[1].secured").entity(Boolean.class).isEqualTo(true);
        response.path("repository.variables.nodes[1].value").valueIsNull();
        response.path("repository.variables.nodes[*].level").entityList(String.class)
                .containsExactly("REPOSITORY", "REPOSITORY");
        assertThat(response.returnResponse().toMap().toString()).contains("eu-west-1").doesNotContain("wrongly");
    }

    @Test
    void eachDeploymentEnvironmentHasItsVariables() {
        given("repository-api.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/environments/")), 200, "environments.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/deployments_config/environments/"
                + "%7B7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3%7D/variables")), 200, "deployment-variables.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/deployments_config/environments/"
                + "%7B8b9c0d1e-2f3a-4b4c-9d5e-7f8091a2b3c4%7D/variables")), 200, "deployment-variables.json");

        GraphQlTester.Response response = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            deploymentEnvironments { nodes { id name variables { nodes { id key level } } } } } }""")
                .execute();

        response.errors().verify();
        response.path("repository.deploymentEnvironments.nodes[*].name").entityList(String.class)
                .containsExactly("Staging", "Production");
        response.path("repository.deploymentEnvironments.nodes[0].variables.nodes[0].id").entity(String.class)
                .isEqualTo(GlobalId.encode("Variable", "DEPLOYMENT_ENVIRONMENT", "acme", "api",
                        "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}", "{4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80}"));
        response.path("repository.deploymentEnvironments.nodes[0].id").entity(String.class)
                .isEqualTo(GlobalId.encode("DeploymentEnvironment", "acme", "api",
                        "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}"));
    }

    @Test
    void theDeprecatedTeamAndUserVariablesAreStillRead() {
        stub(get(urlPathEqualTo(API_ROOT + "/teams/acme-team/pipelines_config/variables/")), 200, "team-variables.json");
        stub(get(urlPathEqualTo(API_ROOT + "/users/jdoe/pipelines_config/variables/")), 200, "user-variables.json");

        GraphQlTester.Response response = graphQl.document("""
                        { teamVariables(team: "acme-team") { nodes { key level } }
                          userVariables(user: "jdoe") { nodes { key level } } }""")
                .execute();

        response.errors().verify();
        response.path("teamVariables.nodes[0].key").entity(String.class).isEqualTo("LEGACY_TEAM_SETTING");
        response.path("teamVariables.nodes[0].level").entity(String.class).isEqualTo("TEAM");
        response.path("userVariables.nodes[0].level").entity(String.class).isEqualTo("USER");
    }

    @Test
    void aVariableIsReadAgainByItsIdWithBitbucketsReadOfOneVariable() {
        given("repository-variable-secured.json");
        String id = GlobalId.encode("Variable", "REPOSITORY", "acme", "api", "{2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e}");

        GraphQlTester.Response response = node(id, "id key value secured");

        response.errors().verify();
        response.path("node.id").entity(String.class).isEqualTo(id);
        response.path("node.key").entity(String.class).isEqualTo("DEPLOY_TOKEN");
        response.path("node.value").valueIsNull();
        assertThat(response.returnResponse().toMap().toString()).contains("DEPLOY_TOKEN").doesNotContain("wrongly");
    }

    /** The workspace, repository, team and user levels each have Bitbucket's "Get a variable": one call, no listing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "workspace-variable.json, WORKSPACE, acme, ARTIFACTORY_URL",
            "repository-variable-secured.json, REPOSITORY, acme/api, DEPLOY_TOKEN",
            "team-variable.json, TEAM, acme-team, LEGACY_TEAM_SETTING",
            "user-variable.json, USER, jdoe, LEGACY_USER_SETTING"})
    void oneVariableByItsIdCostsOneCallToItsLevel(String payload, String level, String coordinates, String key) {
        given(payload);
        String uuid = Payloads.text(payload).replaceAll("(?s).*\"uuid\": \"([^\"]+)\".*", "$1");
        List<String> parts = new ArrayList<>(List.of(level));
        parts.addAll(List.of(coordinates.split("/")));
        parts.add(uuid);
        String id = GlobalId.encode("Variable", parts.toArray(String[]::new));

        GraphQlTester.Response response = node(id, "key level");

        response.errors().verify();
        response.path("node.key").entity(String.class).isEqualTo(key);
        response.path("node.level").entity(String.class).isEqualTo(level);
        assertThat(upstreamRequests()).singleElement().satisfies(request ->
                assertThat(request.getUrl()).isEqualTo(API_ROOT + Payloads.entry(payload).path()));
    }

    /** Bitbucket has no read of one deployment variable: it is found in its environment's listing. */
    @Test
    void aDeploymentVariableIsFoundByItsIdInItsEnvironmentsListing() {
        given("deployment-variables.json");
        String id = GlobalId.encode("Variable", "DEPLOYMENT_ENVIRONMENT", "acme", "api",
                "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}", "{4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80}");

        GraphQlTester.Response response = node(id, "id level");

        response.errors().verify();
        response.path("node.id").entity(String.class).isEqualTo(id);
        response.path("node.level").entity(String.class).isEqualTo("DEPLOYMENT_ENVIRONMENT");
    }

    @Test
    void aVariableBitbucketNoLongerHasIsNotFound() {
        String id = GlobalId.encode("Variable", "WORKSPACE", "acme", "{0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e}");

        GraphQlTester.Response response = node(id, "key");

        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(code(error)).isEqualTo("NOT_FOUND")));
        response.path("node").valueIsNull();
        assertThat(upstreamRequests()).singleElement().satisfies(request -> assertThat(request.getUrl())
                .isEqualTo(API_ROOT + "/workspaces/acme/pipelines-config/variables/"
                        + "%7B0a0a0a0a-0b0b-4c0c-8d0d-0e0e0e0e0e0e%7D"));
    }

    private GraphQlTester.Response node(String id, String fields) {
        return graphQl.document("query Node($id: ID!) { node(id: $id) { ... on Variable { %s } } }"
                        .formatted(fields))
                .variable("id", id)
                .execute();
    }
}

package io.pipelinesgateway.cache;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader who lists a repository's variables or pipelines by slugs sees at once what a change made by the
 * repository's (or its workspace's) UUIDs added, as after a change by slugs: the change is made at the slugs' path, so
 * it forgets the listings kept there, instead of leaving them until their cache time while forgetting what is kept
 * under the UUIDs, where no reader looks. Bitbucket would make the change at either path.
 */
class AChangeByUuidsForgetsWhatReadersBySlugsKeepTest extends CachingGatewayTest {

    /** The UUIDs of {@code acme} and {@code acme/api}, as {@code repository-api.json} answers them. */
    private static final String WORKSPACE_UUID = "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}";
    private static final String REPOSITORY_UUID = "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}";
    private static final String BY_UUIDS = "/repositories/" + encoded(WORKSPACE_UUID) + "/" + encoded(REPOSITORY_UUID);

    private HttpGraphQlTester caller;

    @BeforeEach
    void aReaderOfItsOwn() {
        caller = graphQl(freshCredential());
    }

    @Test
    void aVariableCreatedByTheRepositorysUuidsIsListedAtOnceToWhoReadsItBySlugs() {
        givenTheRepositoryByItsSlugsAndItsUuids();
        given("repository-variables.json");
        given("repository-variable-created.json");
        answered(BY_UUIDS + "/pipelines_config/variables/", "repository-variable-created.json");
        String listing = "{ repository(workspace: \"acme\", slug: \"api\") { variables(first: 5) { nodes { key } } } }";
        caller.document(listing).execute().errors().verify();

        String created = caller.document("""
                        mutation { createVariable(input: {scope: {workspace: "%s", repository: "%s"},
                            key: "DEPLOY_REGION", value: "eu-west-1"}) { variable { id } userErrors { message } } }"""
                        .formatted(WORKSPACE_UUID, REPOSITORY_UUID))
                .execute().path("createVariable.variable.id").entity(String.class).get();
        caller.document(listing).execute().errors().verify();

        bitbucket.verify(2, getOf("/repositories/acme/api/pipelines_config/variables/"));
        assertThat(created).isEqualTo(GlobalId.encode("Variable", "REPOSITORY", "acme", "api",
                "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d}"));
    }

    @Test
    void aVariableCreatedByTheWorkspacesUuidIsListedAtOnceToWhoReadsItBySlug() {
        bitbucket.stubFor(get(urlPathEqualTo(API_ROOT + "/workspaces/" + encoded(WORKSPACE_UUID)))
                .willReturn(Payloads.response("workspace-acme.json")));
        given("workspace-acme.json");
        given("workspace-variables.json");
        given("workspace-variable-created.json");
        answered("/workspaces/" + encoded(WORKSPACE_UUID) + "/pipelines-config/variables",
                "workspace-variable-created.json");
        String listing = "{ workspace(slug: \"acme\") { variables(first: 5) { nodes { key } } } }";
        caller.document(listing).execute().errors().verify();

        String created = caller.document("""
                        mutation { createVariable(input: {scope: {workspace: "%s"}, key: "ARTIFACTORY_URL",
                            value: "https://artifactory.acme.example"}) { variable { id } userErrors { message } } }"""
                        .formatted(WORKSPACE_UUID))
                .execute().path("createVariable.variable.id").entity(String.class).get();
        caller.document(listing).execute().errors().verify();

        bitbucket.verify(2, getOf("/workspaces/acme/pipelines-config/variables"));
        assertThat(created).isEqualTo(GlobalId.encode("Variable", "WORKSPACE", "acme",
                "{3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f}"));
    }

    @Test
    void aPipelineRunByTheRepositorysUuidsIsListedAtOnceToWhoReadsItBySlugs() {
        givenTheRepositoryByItsSlugsAndItsUuids();
        given("pipelines-newest-first.json");
        given("pipeline-run-pending.json");
        answered(BY_UUIDS + "/pipelines/", "pipeline-run-pending.json");
        String listing = "{ repository(workspace: \"acme\", slug: \"api\") { pipelines(first: 5) { nodes { uuid } } } }";
        caller.document(listing).execute().errors().verify();

        caller.document("""
                        mutation { runPipeline(input: {workspace: "%s", repository: "%s",
                            target: {ref: {refName: "main"}}}) { pipeline { id } userErrors { message } } }"""
                        .formatted(WORKSPACE_UUID, REPOSITORY_UUID))
                .execute().errors().verify();
        caller.document(listing).execute().errors().verify();

        bitbucket.verify(2, getOf("/repositories/acme/api/pipelines/"));
    }

    private void givenTheRepositoryByItsSlugsAndItsUuids() {
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(API_ROOT + BY_UUIDS)).willReturn(Payloads.response("repository-api.json")));
    }

    /** Bitbucket makes a change at a UUID path as it does at the slugs' one, answering with {@code payloadFile}. */
    private void answered(String path, String payloadFile) {
        bitbucket.stubFor(post(urlEqualTo(API_ROOT + path)).willReturn(Payloads.response(payloadFile).withStatus(201)));
    }
}

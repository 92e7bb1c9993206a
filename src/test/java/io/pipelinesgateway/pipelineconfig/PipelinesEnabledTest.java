package io.pipelinesgateway.pipelineconfig;

import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** Whether Pipelines runs for a repository is read from, and set with, its Pipelines configuration. */
class PipelinesEnabledTest extends MutationTestSupport {

    private static final String CONFIG = API_ROOT + "/repositories/acme/api/pipelines_config";

    @Test
    void theEnabledFlagIsRead() {
        given("repository-api.json");
        stub(get(urlEqualTo(CONFIG)), 200, "pipelines-config.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { pipelinesConfiguration { enabled } } }""")
                .execute()
                .path("repository.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aRepositoryWherePipelinesWasNeverSetUpHasItDisabledWithoutAnError() {
        given("repository-api.json");
        stub(get(urlEqualTo(CONFIG)), 404, "pipelines-config-not-found.json");

        GraphQlTester.Response response = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { name pipelinesConfiguration { enabled } } }""")
                .execute();

        response.errors().verify();
        response.path("repository.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pipelinesAreEnabledOrDisabled(boolean enabled) {
        stub(put(urlEqualTo(CONFIG)), 200, enabled ? "pipelines-config.json" : "pipelines-config-disabled.json");

        GraphQlTester.Response response = graphQl.document("""
                        mutation Set($enabled: Boolean!) {
                          setPipelinesEnabled(input: {workspace: "acme", repository: "api", enabled: $enabled}) {
                            pipelinesConfiguration { enabled } userErrors { field message } } }""")
                .variable("enabled", enabled)
                .execute();

        response.errors().verify();
        response.path("setPipelinesEnabled.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(enabled);
        bitbucket.verify(1, putRequestedFor(urlEqualTo(CONFIG)).withRequestBody(equalToJson("""
                {"type": "pipelines_config", "enabled": %s}""".formatted(enabled))));
    }
}

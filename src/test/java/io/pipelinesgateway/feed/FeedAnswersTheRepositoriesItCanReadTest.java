package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.List;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One repository of the scope answers 404 (deleted since it was listed) or 403 (no longer readable) for its
 * pipelines, a workspace of the filter cannot be listed, or a repository of the filter is listed by none of its
 * workspaces: the feed and the insights answer the others, with one error that names what is left out.
 */
class FeedAnswersTheRepositoriesItCanReadTest extends GatewayTest {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    private List<String> readable;

    private void acmeWithOneRepositoryAnswering(String payload) {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api")
                .repository("acme", "gone").repository("acme", "web-app");
        for (int number = 0; number < 4; number++) {
            generated.pipeline("acme", number % 2 == 0 ? "api" : "web-app", START.plusSeconds(3600L * number),
                    "SUCCESSFUL", "main", "c0ffee", 60);
        }
        generated.stub();
        readable = generated.newestFirst().stream().map(GeneratedPipeline::uuid).toList();
        // The newest stub wins: acme/gone's pipelines now answer the error.
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/acme/gone/pipelines/"))
                .willReturn(Payloads.response(payload)));
    }

    @ParameterizedTest
    @CsvSource({"error-404.json, NOT_FOUND", "error-403.json, FORBIDDEN"})
    void theFeedAnswersTheOtherRepositoriesAndNamesTheOneItCouldNotRead(String payload, String code) {
        acmeWithOneRepositoryAnswering(payload);

        GraphQlTester.Response response = graphQl.document("""
                { pipelines(filter: {workspaces: ["acme"]}, first: 10) { nodes { uuid } } }""").execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(code(error)).isEqualTo(code);
            assertThat(error.getMessage()).contains("acme/gone");
            assertThat(error.getExtensions()).containsEntry("repository", "acme/gone");
            assertThat(error.getParsedPath()).containsExactly("pipelines");
        }));
        assertThat(response.path("pipelines.nodes[*].uuid").entityList(String.class).get())
                .containsExactlyElementsOf(readable);
    }

    @ParameterizedTest
    @CsvSource({"error-404.json, NOT_FOUND", "error-403.json, FORBIDDEN"})
    void insightsCoverTheOtherRepositoriesAndNameTheOneTheyCouldNotRead(String payload, String code) {
        acmeWithOneRepositoryAnswering(payload);

        // Only failed pipelines are asked for, and none failed: no steps to read.
        GraphQlTester.Response response = graphQl.document("""
                { insights(filter: {workspaces: ["acme"], statuses: [FAILED]},
                           window: {from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z"}) {
                    pipelinesCovered } }""").execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(code(error)).isEqualTo(code);
            assertThat(error.getExtensions()).containsEntry("repository", "acme/gone");
        }));
        response.path("insights.pipelinesCovered").entity(Integer.class).isEqualTo(0);
    }

    @ParameterizedTest
    @CsvSource({"error-404.json, NOT_FOUND", "error-403.json, FORBIDDEN"})
    void aWorkspaceOfTheFilterThatCannotBeReadIsNamedAndTheOthersAnswer(String payload, String code) {
        acmeWithEveryRepositoryReadable();
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/repositories/nope")).willReturn(Payloads.response(payload)));

        GraphQlTester.Response response = graphQl.document("""
                { pipelines(filter: {workspaces: ["acme", "nope"]}, first: 10) { nodes { uuid } } }""").execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(code(error)).isEqualTo(code);
            assertThat(error.getExtensions()).containsEntry("workspace", "nope");
        }));
        assertThat(response.path("pipelines.nodes[*].uuid").entityList(String.class).get())
                .containsExactlyElementsOf(readable);
    }

    @Test
    void aRepositoryOfTheFilterThatNoWorkspaceListsIsNamedInAnError() {
        acmeWithEveryRepositoryReadable();

        GraphQlTester.Response response = graphQl.document("""
                { pipelines(filter: {workspaces: ["acme"], repositories: ["acme/ap", "web-app"]}, first: 10) {
                    nodes { uuid } } }""").execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(code(error)).isEqualTo("NOT_FOUND");
            assertThat(error.getExtensions()).containsEntry("repository", "acme/ap");
            assertThat(error.getMessage()).contains("'acme/ap'");
        }));
        assertThat(response.path("pipelines.nodes[*].uuid").entityList(String.class).get()).hasSize(2);
    }

    private void acmeWithEveryRepositoryReadable() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api")
                .repository("acme", "web-app");
        for (int number = 0; number < 4; number++) {
            generated.pipeline("acme", number % 2 == 0 ? "api" : "web-app", START.plusSeconds(3600L * number),
                    "SUCCESSFUL", "main", "c0ffee", 60);
        }
        generated.stub();
        readable = generated.newestFirst().stream().map(GeneratedPipeline::uuid).toList();
    }
}

package io.pipelinesgateway.graphql;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.LiveSandboxTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field that reads one object by what names it ({@code workspace}, {@code repository}, {@code pipeline}, a
 * repository's {@code pipeline}, {@code node}) answers an object Bitbucket does not have as its description says:
 * null, with a {@code NOT_FOUND} error pathed to it. ({@code nodes} answers null without one, as its own says.)
 */
@LiveSandboxTest
class AMissingObjectIsAnsweredAsItsFieldsDescriptionSaysTest {

    private static final String DESCRIBED_AS = "null with a `NOT_FOUND` error";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Query | workspace | { workspace(slug: "no-such-workspace") { slug } } | workspace
            Query | repository | { repository(workspace: "acme", slug: "no-such-repository") { slug } } | repository
            Query | pipeline | { pipeline(workspace: "acme", repository: "api", buildNumber: 99999) { id } } | pipeline
            Repository | pipeline \
            | { repository(workspace: "acme", slug: "api") { pipeline(buildNumber: 99999) { id } } } \
            | repository.pipeline
            Query | node | { node(id: "UmVwb3NpdG9yeQphY21lCm5vLXN1Y2gtcmVwb3NpdG9yeQ") { id } } | node
            """)
    void aMissingObjectIsNullWithANotFoundErrorAsTheFieldsDescriptionSays(String type, String field, String query,
            String path) {
        GraphQlTester.Response answer = graphQl().document(query).execute();

        answer.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(error.getPath()).isEqualTo(path);
        }));
        answer.path(path).valueIsNull();
        assertThat(description(type, field)).contains(DESCRIBED_AS);
    }

    private String description(String type, String field) {
        List<Map<String, Object>> fields = graphQl().document("""
                        query($type: String!) { __type(name: $type) { fields { name description } } }""")
                .variable("type", type)
                .execute().path("__type.fields").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).get();
        return fields.stream().filter(described -> field.equals(described.get("name")))
                .map(described -> ((String) described.get("description")).replaceAll("\\s+", " "))
                .findFirst().orElseThrow();
    }

    private GraphQlTester graphQl() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port + "/graphql")
                .build());
    }
}

package io.pipelinesgateway.bitbucket;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value of a shape the gateway does not expect (a selector whose {@code type} is an object, a date that is not
 * one, a list element that is not an object) reads as null: the rest of the page stands, a field that shows the
 * value says so on its own path, and one WARN line names the JSON paths, without the values.
 */
class OneUnreadableValueLeavesTheRestOfTheListTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ODD_VALUE = "an-odd-value-never-logged";

    @Test
    void answersThePageWithTheUnreadableValuesAsNullAndLogsWhereTheyWere() {
        ObjectNode page = (ObjectNode) JSON.readTree(Payloads.bytes("pipelines-newest-first.json"));
        ArrayNode values = (ArrayNode) page.get("values");
        ((ObjectNode) values.get(1).get("target").get("selector")).set("type",
                JSON.valueToTree(Map.of("name", ODD_VALUE)));
        ((ObjectNode) values.get(3)).put("created_on", ODD_VALUE);
        ((ObjectNode) values.get(4)).set("variables", JSON.valueToTree(List.of(ODD_VALUE,
                Map.of("type", "pipeline_variable", "key", "REGION", "value", "eu-west-1", "secured", false))));
        given("repository-api.json");
        given("pipelines-newest-first.json", response -> okJson(JSON.writeValueAsString(page)));

        try (LogLines warnings = LogLines.of(UnreadableValues.class.getName(), Level.WARN)) {
            graphQl.document("""
                            { repository(workspace: "acme", slug: "api") { pipelines(first: 5) { nodes {
                                buildNumber createdOn variables { key } target { selector { type pattern } } } } } }""")
                    .execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(code(error)).isEqualTo("UPSTREAM_INCOMPLETE");
                        assertThat(error.getPath()).isEqualTo("repository.pipelines.nodes[1].target.selector.type");
                    }))
                    .path("repository.pipelines.nodes[*].buildNumber").entityList(Integer.class)
                    .containsExactly(43, 42, 41, 40, 39)
                    .path("repository.pipelines.nodes[1].target.selector.type").valueIsNull()
                    .path("repository.pipelines.nodes[1].target.selector.pattern").entity(String.class)
                    .isEqualTo("main")
                    .path("repository.pipelines.nodes[3].createdOn").valueIsNull()
                    .path("repository.pipelines.nodes[4].variables[*].key").entityList(String.class)
                    .containsExactly("REGION");

            assertThat(warnings.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).contains("$.values[1].target.selector.type", "$.values[3].created_on",
                        "$.values[4].variables[0]", "/repositories/acme/api/pipelines/");
                assertThat(line.message()).doesNotContain(ODD_VALUE);
            });
        }
    }

    @Test
    void stillRefusesAnAnswerThatIsNotJson() {
        given("repository-api.json");
        given("pipelines-newest-first.json", response -> okJson("{\"values\": [ {\"type\": "));

        graphQl.document("{ repository(workspace: \"acme\", slug: \"api\") { name pipelines { totalCount } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE");
                    assertThat(error.getPath()).isEqualTo("repository.pipelines");
                }))
                .path("repository.name").entity(String.class).isEqualTo("api");
    }
}

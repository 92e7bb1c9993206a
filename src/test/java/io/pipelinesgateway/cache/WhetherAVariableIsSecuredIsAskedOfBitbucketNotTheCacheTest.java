package io.pipelinesgateway.cache;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.pipelinesgateway.graphql.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.TestSecrets.REPOSITORY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that would unsecure a variable asks Bitbucket whether it is secured now: an answer the cache holds from
 * before it was secured (in Bitbucket's own UI, say) must not let the gateway unsecure it and show its value.
 */
class WhetherAVariableIsSecuredIsAskedOfBitbucketNotTheCacheTest extends CachingGatewayTest {

    private static final String UUID = "{9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c04}";
    private static final String PATH = "/repositories/acme/api/pipelines_config/variables/"
            + UUID.replace("{", "%7B").replace("}", "%7D");
    private static final String ITEM = API_ROOT + PATH;
    private static final String ID = GlobalId.encode("Variable", "REPOSITORY", "acme", "api", UUID);

    @Test
    void aVariableSecuredSinceItWasCachedIsNotUnsecured() {
        HttpGraphQlTester caller = graphQl(freshCredential());
        holds(false);
        for (int read = 0; read < 2; read++) {
            caller.document("query Node($id: ID!) { node(id: $id) { ... on Variable { secured } } }")
                    .variable("id", ID).execute()
                    .path("node.secured").entity(Boolean.class).isEqualTo(false);
        }
        assertThat(bitbucket.findAll(getOf(PATH)))
                .as("the second read came from the cache").hasSize(1);
        holds(true);

        caller.document("""
                        mutation Update($input: UpdateVariableInput!) {
                          updateVariable(input: $input) { variable { value secured } userErrors { field message } }
                        }""")
                .variable("input", Map.of("id", ID, "secured", false))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", List.of("input", "secured"));
                });
        bitbucket.verify(0, putRequestedFor(WireMock.anyUrl()));
    }

    /** Bitbucket holds the variable, secured or not; asked to unsecure it, it would show its value. */
    private void holds(boolean secured) {
        bitbucket.stubFor(get(urlPathEqualTo(ITEM)).willReturn(WireMock.okJson("""
                {"type": "pipeline_variable", "uuid": "%s", "key": "DEPLOY_TOKEN"%s, "secured": %s}"""
                .formatted(UUID, secured ? "" : ", \"value\": \"old\"", secured))));
        bitbucket.stubFor(put(urlPathEqualTo(ITEM)).willReturn(WireMock.okJson("""
                {"type": "pipeline_variable", "uuid": "%s", "key": "DEPLOY_TOKEN", "value": "%s", "secured": false}"""
                .formatted(UUID, REPOSITORY_SECRET))));
    }
}

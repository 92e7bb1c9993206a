package io.pipelinesgateway.cache;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketVariable;
import io.pipelinesgateway.bitbucket.Credential;
import io.pipelinesgateway.bitbucket.VariableEndpoints;
import io.pipelinesgateway.bitbucket.VariableLevel;
import io.pipelinesgateway.security.Caller;
import io.pipelinesgateway.support.FakeBitbucket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made through the gateway evicts what the cache holds below the collection it changed, for every caller:
 * the next read, by anyone, shows the new state.
 */
class ChangesEvictTheCacheTest extends CachingGatewayTest {

    private static final String VARIABLES = "/workspaces/acme/pipelines-config/variables";
    private static final String QUERY = "{ workspace(slug: \"acme\") { variables { nodes { key } } } }";

    @Autowired
    VariableEndpoints variables;

    @Test
    void aNewVariableAppearsInTheNextReadOfEveryCaller() {
        given("workspace-acme.json");
        given("workspace-variables.json");
        bitbucket.stubFor(post(urlPathEqualTo(FakeBitbucket.api(VARIABLES)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"type": "pipeline_variable", "uuid": "{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}",
                         "key": "NEW_KEY", "value": "v", "secured": false}
                        """)));
        String alice = freshCredential();
        String bob = freshCredential();
        graphQl(alice).document(QUERY).execute().errors().verify();
        graphQl(bob).document(QUERY).execute().errors().verify();
        graphQl(alice).document(QUERY).execute().errors().verify();
        assertThat(variableReads()).as("the third read came from the cache").isEqualTo(2);

        variables.create(VariableLevel.WORKSPACE, List.of("acme"),
                        new BitbucketVariable(null, null, "NEW_KEY", "v", null))
                .contextWrite(context -> context.put(Caller.CONTEXT_KEY,
                        new Caller.Bitbucket(Credential.fromAuthorizationHeader(alice))))
                .block();

        graphQl(alice).document(QUERY).execute().errors().verify();
        graphQl(bob).document(QUERY).execute().errors().verify();
        assertThat(variableReads()).as("both callers read the list again after the change").isEqualTo(4);
    }

    private int variableReads() {
        return bitbucket.findAll(getOf(VARIABLES)).size();
    }
}

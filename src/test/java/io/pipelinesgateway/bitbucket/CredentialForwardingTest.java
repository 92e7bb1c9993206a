package io.pipelinesgateway.bitbucket;

import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/** Pass-through authentication: the caller's Authorization header goes to Bitbucket unchanged, on every call. */
class CredentialForwardingTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                buildNumber repository { name } steps { name } } }
            """.formatted(PIPELINE_42);
    private static final String PIPELINE_ONLY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @Test
    void forwardsABearerTokenUnchangedOnEveryUpstreamCall() {
        givenThePipelineItsRepositoryAndItsSteps();

        graphQl(Fixtures.bearer()).document(QUERY).execute().path("pipeline.buildNumber").hasValue();

        assertThat(upstreamRequests()).hasSize(3).allSatisfy(request ->
                assertThat(request.getHeaders().getHeader("Authorization").values())
                        .containsExactly("Bearer " + Fixtures.BEARER_TOKEN));
    }

    @Test
    void forwardsBasicCredentialsUnchangedOnEveryUpstreamCall() {
        givenThePipelineItsRepositoryAndItsSteps();

        graphQl(Fixtures.basic()).document(QUERY).execute().path("pipeline.buildNumber").hasValue();

        assertThat(upstreamRequests()).hasSize(3).allSatisfy(request ->
                assertThat(request.getHeaders().getHeader("Authorization").values())
                        .containsExactly(Fixtures.basic()));
    }

    @Test
    void keepsTheCredentialsOfConcurrentCallersApart() {
        given("pipeline-42.json", response -> response.withFixedDelay(200));
        String alice = "Bearer " + TestSecrets.ALICE_TOKEN;
        String bob = "Bearer " + TestSecrets.BOB_TOKEN;

        CompletableFuture<?> first = CompletableFuture.runAsync(() ->
                graphQl(alice).document(PIPELINE_ONLY)
                        .execute().path("pipeline.buildNumber").hasValue());
        CompletableFuture<?> second = CompletableFuture.runAsync(() ->
                graphQl(bob).document(PIPELINE_ONLY)
                        .execute().path("pipeline.buildNumber").hasValue());
        CompletableFuture.allOf(first, second).join();

        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42)).withHeader("Authorization", equalTo(alice)));
        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42)).withHeader("Authorization", equalTo(bob)));
    }

    private void givenThePipelineItsRepositoryAndItsSteps() {
        given("pipeline-42.json");
        given("repository-api.json");
        given("steps-pipeline-42.json");
    }
}

package io.pipelinesgateway.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.pipelinesgateway.support.MutationTestSupport;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose answer comes after the gateway's timeout may still have started: the caller is never told to "try
 * again" (a retry would build twice). The gateway looks among the newest pipelines for one on the same target created
 * since the request and answers it as the run; without one, UPSTREAM_OUTCOME_UNKNOWN says where to look.
 */
@TestPropertySource(properties = "gateway.bitbucket.timeout=500ms")
class RunPipelineThatTimesOutTest extends MutationTestSupport {

    private static final String PIPELINES = API_ROOT + "/repositories/acme/api/pipelines/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = """
            mutation { runPipeline(input: {workspace: "acme", repository: "api", target: {ref: {refName: "main"}}}) {
              pipeline { uuid buildNumber } userErrors { message } } }""";

    @BeforeEach
    void bitbucketAnswersTheRunTooLate() {
        bitbucket.stubFor(post(urlEqualTo(PIPELINES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(Payloads.bytes("pipeline-run-pending.json")).withFixedDelay(2_000)));
        warmUp();
    }

    @Test
    void aRunBitbucketStartedAfterTheTimeoutIsFoundAndAnswered() {
        newestPipelines(OffsetDateTime.now(ZoneOffset.UTC));

        graphQl.document(RUN).execute().errors().verify()
                .path("runPipeline.pipeline.uuid").entity(String.class)
                .isEqualTo("{5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a}")
                .path("runPipeline.pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        assertThat(bitbucket.findAll(postRequestedFor(urlEqualTo(PIPELINES)))).as("the run was sent once").hasSize(1);
    }

    @Test
    void withoutSuchARunTheOutcomeIsUnknownAndTheCallerIsToldWhereToLook() {
        newestPipelines(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));

        GraphQlTester.Response response = graphQl.document(RUN).execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(code(error)).isEqualTo("UPSTREAM_OUTCOME_UNKNOWN");
            assertThat(error.getMessage()).contains("acme/api", "before running it again")
                    .doesNotContain("try again shortly");
        }));
        response.path("runPipeline").valueIsNull();
    }

    @Test
    void anyOtherChangeThatTimesOutHasAnUnknownOutcome() {
        bitbucket.stubFor(post(urlEqualTo(API_ROOT + "/workspaces/acme/pipelines-config/variables"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.bytes("workspace-variable-created.json")).withFixedDelay(2_000)));

        graphQl.document("""
                        mutation { createVariable(input: {scope: {workspace: "acme"}, key: "K", value: "v"}) {
                          variable { id } userErrors { message } } }""")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_OUTCOME_UNKNOWN");
                    assertThat(error.getMessage()).contains("before sending the change again");
                }));
    }

    /** The newest pipelines as Bitbucket lists them: the run of the stubs, created at {@code createdOn}. */
    private void newestPipelines(OffsetDateTime createdOn) {
        ObjectNode pipeline = (ObjectNode) JSON.readTree(Payloads.bytes("pipeline-run-pending.json"));
        pipeline.put("created_on", createdOn.toString());
        ObjectNode page = JSON.createObjectNode().put("page", 1).put("pagelen", 10).put("size", 1);
        page.putArray("values").add(pipeline);
        bitbucket.stubFor(get(urlPathEqualTo(PIPELINES)).withQueryParam("sort", havingExactly("-created_on"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsBytes(page))));
    }

    /** A fresh JVM's first calls can take longer than this test's short timeout; a few quick ones come first. */
    private void warmUp() {
        given("repository-api.json");
        for (int attempt = 0; attempt < 10; attempt++) {
            if (graphQl.document("{ repository(workspace: \"acme\", slug: \"api\") { name } }")
                    .execute().returnResponse().getErrors().isEmpty()) {
                return;
            }
        }
    }
}

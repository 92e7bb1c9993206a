package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** stopPipeline signals the stop, then returns the pipeline as Bitbucket reports it afterwards. */
class StopPipelineTest extends MutationTestSupport {

    private static final String UUID = "{5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a}";
    private static final String STOP = API_ROOT + "/repositories/acme/api/pipelines/%7B5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a%7D"
            + "/stopPipeline";

    @Test
    void stopsThePipelineAndShowsItStopped() {
        stubNoContent(post(urlEqualTo(STOP)));
        stub(get(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines/%7B5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a%7D")), 200,
                "pipeline-stopped.json");

        GraphQlTester.Response response = stop(GlobalId.encode("Pipeline", "acme", "api", UUID));

        response.errors().verify();
        response.path("stopPipeline.pipeline.status").entity(String.class).isEqualTo("STOPPED");
        response.path("stopPipeline.userErrors").entityList(Object.class).hasSize(0);
        bitbucket.verify(1, postRequestedFor(urlEqualTo(STOP)).withRequestBody(absent()));
    }

    @Test
    void aPipelineThatHasCompletedIsAUserErrorOnTheId() {
        stub(post(urlEqualTo(STOP)), 400, "stop-pipeline-completed.json");

        GraphQlTester.Response response = stop(GlobalId.encode("Pipeline", "acme", "api", UUID));

        assertUserError(response, "stopPipeline", "input", "id");
        response.path("stopPipeline.userErrors[0].message").entity(String.class)
                .satisfies(message -> org.assertj.core.api.Assertions.assertThat(message)
                        .contains("The pipeline has already completed."));
        response.path("stopPipeline.pipeline").valueIsNull();
    }

    @Test
    void anIdOfAnotherTypeIsRejectedBeforeBitbucket() {
        assertRejectedBeforeBitbucket(stop(GlobalId.encode("Repository", "acme", "api")), "input", "id");
    }

    @Test
    void anIdWithAMalformedUuidIsRejectedBeforeBitbucket() {
        assertRejectedBeforeBitbucket(stop(GlobalId.encode("Pipeline", "acme", "api", "not-a-uuid")), "input", "id");
    }

    private GraphQlTester.Response stop(String id) {
        return graphQl.document("""
                        mutation Stop($id: ID!) {
                          stopPipeline(input: {id: $id}) {
                            pipeline { uuid status }
                            userErrors { field message }
                          }
                        }""")
                .variable("id", id)
                .execute();
    }
}

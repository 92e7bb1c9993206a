package io.pipelinesgateway.subscription;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.support.ControllerSliceTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * {@code SubscriptionController} alone: a subscription's arguments reach the service, each event it emits goes out
 * as the schema shows it, and a workspace that could be no slug ends it with BAD_USER_INPUT before the service is
 * asked.
 */
@ControllerSliceTest
@Import({SubscriptionController.class, SubscriptionErrors.class})
class SubscriptionFieldsMapToTheServiceTest {

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private SubscriptionService subscriptions;

    @Test
    void eachStatusChangeTheServiceEmitsGoesOutWithItsPipeline() {
        PipelineKey key = new PipelineKey("acme", "api", PIPELINE_42);
        Pipeline pipeline = Pipeline.from(key, payload("pipeline-42.json", BitbucketPipeline.class),
                "https://bitbucket.org");
        when(subscriptions.pipelineStatusChanged(any(), any(), any())).thenReturn(Flux.just(
                new PipelineStatusEvent(pipeline, null, OffsetDateTime.parse("2026-12-05T12:00:00Z"))));

        Flux<Integer> buildNumbers = graphQl.document("""
                        subscription { pipelineStatusChanged(workspace: "acme", repository: "api", branch: "main") {
                            pipeline { buildNumber } } }
                        """)
                .executeSubscription()
                .toFlux("pipelineStatusChanged.pipeline.buildNumber", Integer.class);

        StepVerifier.create(buildNumbers).expectNext(42).verifyComplete();
        verify(subscriptions).pipelineStatusChanged("acme", "api", "main");
    }

    @Test
    void aWorkspaceThatCouldBeNoSlugIsRefusedBeforeTheServiceIsAsked() {
        Flux<GraphQlTester.Response> responses = graphQl.document("""
                        subscription { pipelineStatusChanged(workspace: "../acme") { pipeline { buildNumber } } }
                        """)
                .executeSubscription()
                .toFlux();

        StepVerifier.create(responses).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOfSatisfying(SubscriptionPublisherException.class, ended -> assertThat(ended.getErrors())
                        .singleElement().satisfies(graphQlError -> {
                            assertThat(graphQlError.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                            assertThat(graphQlError.getMessage()).contains("'workspace' must be a workspace slug");
                        })))
                .verify();
        verifyNoInteractions(subscriptions);
    }
}

package io.pipelinesgateway.subscription;

import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** Maps the {@code Subscription} type, served over WebSocket (graphql-transport-ws) and Server-Sent Events. */
@Controller
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @SubscriptionMapping
    Flux<PipelineStatusEvent> pipelineStatusChanged(@Argument String workspace, @Argument String repository,
            @Argument String branch) {
        return subscriptions.pipelineStatusChanged(workspace, repository, branch);
    }

    @SubscriptionMapping
    Flux<StepStatusEvent> stepStatusChanged(@Argument PipelineLocator pipeline) {
        return subscriptions.stepStatusChanged(pipeline);
    }

    @SubscriptionMapping
    Flux<StepLogChunk> stepLogAppended(@Argument StepLocator step, @Argument Integer fromOffset) {
        return subscriptions.stepLogAppended(step, fromOffset);
    }
}

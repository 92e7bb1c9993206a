package io.pipelinesgateway.subscription;

import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.bitbucket.PathSegments;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * Maps the {@code Subscription} type, served over WebSocket (graphql-transport-ws) and Server-Sent Events.
 * <p>
 * A subscription is one request, so its DataLoaders (and what they hold) would last as long as it does: the steps of
 * a pipeline selected in its first event would be served again, unchanged, in every later one, and the loaders would
 * grow for hours. They are emptied before each event, whose fields are then read as they are at that moment.
 */
@Controller
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @SubscriptionMapping
    Flux<PipelineStatusEvent> pipelineStatusChanged(@Argument String workspace, @Argument String repository,
            @Argument String branch, DataFetchingEnvironment environment) {
        PathSegments.workspace(workspace, "workspace");
        if (repository != null && !repository.isBlank()) {
            PathSegments.repository(repository, "repository");
        }
        return freshLoadersPerEvent(subscriptions.pipelineStatusChanged(workspace, repository, branch), environment);
    }

    @SubscriptionMapping
    Flux<StepStatusEvent> stepStatusChanged(@Argument PipelineLocator pipeline,
            DataFetchingEnvironment environment) {
        return freshLoadersPerEvent(subscriptions.stepStatusChanged(pipeline), environment);
    }

    @SubscriptionMapping
    Flux<StepLogChunk> stepLogAppended(@Argument StepLocator step, @Argument Integer fromOffset) {
        return subscriptions.stepLogAppended(step, fromOffset);
    }

    private static <T> Flux<T> freshLoadersPerEvent(Flux<T> events, DataFetchingEnvironment environment) {
        return events.doOnNext(event -> environment.getDataLoaderRegistry().getDataLoaders()
                .forEach(DataLoader::clearAll));
    }
}

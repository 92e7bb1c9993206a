package io.pipelinesgateway.step;

import java.util.Arrays;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.NodeType;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Steps as {@code node} finds them, through the DataLoader of steps; its {@link #ID} is also how a subscription reads
 * the step ID it is given.
 */
@Component
public class StepNodeType implements NodeType<StepKey> {

    /** A step's ID: workspace, repository, its pipeline's UUID (or build number) and its own UUID. */
    public static final GlobalIdFormat<StepKey> ID = GlobalIdFormat.of("Step", 4,
            key -> Arrays.asList(key.workspace(), key.repository(), key.pipelineUuid(), key.stepUuid()),
            (parts, field) -> new StepKey(parts.get(0), parts.get(1), parts.get(2), parts.get(3)));

    @Override
    public GlobalIdFormat<StepKey> id() {
        return ID;
    }

    @Override
    public Mono<Step> load(StepKey key, DataFetchingEnvironment environment) {
        return Mono.fromFuture(Loaders.load(environment, Step.class, key));
    }
}

package io.pipelinesgateway.pipeline;

import java.util.Arrays;
import java.util.regex.Pattern;

import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.NodeType;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Pipelines as {@code node} finds them, through the DataLoader of pipelines; its {@link #ID} is also how a
 * subscription reads the pipeline ID it is given.
 */
@Component
public class PipelineNodeType implements NodeType<PipelineKey> {

    private static final Pattern BUILD_NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

    /**
     * A pipeline's ID: workspace, repository, and its UUID, or its build number where Bitbucket's answer lacked the
     * UUID.
     */
    public static final GlobalIdFormat<PipelineKey> ID = GlobalIdFormat.of("Pipeline", 3,
            key -> Arrays.asList(key.workspace(), key.repository(), key.id()),
            (parts, field) -> new PipelineKey(parts.get(0), parts.get(1),
                    BUILD_NUMBER.matcher(parts.get(2)).matches() ? parts.get(2) : Uuids.braced(parts.get(2), field)));

    @Override
    public GlobalIdFormat<PipelineKey> id() {
        return ID;
    }

    @Override
    public Mono<Pipeline> load(PipelineKey key, DataFetchingEnvironment environment) {
        return Mono.fromFuture(Loaders.load(environment, Pipeline.class, key));
    }
}

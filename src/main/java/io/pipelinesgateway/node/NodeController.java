package io.pipelinesgateway.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.graphql.NodeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import graphql.schema.DataFetchingEnvironment;

/**
 * Resolves global IDs again ({@code node}, {@code nodes}): the type an ID names reads it, through the same DataLoaders
 * as every other field where it has one, so an object named twice costs one upstream call.
 * <p>
 * GraphQL dispatches a field's DataLoaders once, after the field's fetcher returned: a load queued later is never
 * dispatched and its answer never comes. So {@code nodes} queues the load of every ID while its fetcher runs, and
 * only the reads that go around the DataLoaders (test cases, variables, ...) are left to run a bounded number at once.
 */
@Controller
class NodeController {

    private final Map<String, NodeType<?>> types;
    private final NodeProperties properties;

    /** @param types every feature's node types, one per GraphQL type name */
    NodeController(List<NodeType<?>> types, NodeProperties properties) {
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(type -> type.id().type(), type -> type));
        this.properties = properties;
    }

    @QueryMapping
    Mono<Object> node(@Argument String id, DataFetchingEnvironment environment) {
        return resolve(id, environment);
    }

    @QueryMapping
    Mono<List<Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
        if (ids.size() > properties.maxIds()) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "'ids' holds " + ids.size() + " IDs; nodes takes at "
                    + "most " + properties.maxIds() + " (gateway.nodes.max-ids): ask for the rest in another request.");
        }
        // Every DataLoader load is queued here, before the dispatch; a Mono that reads around them waits to be run.
        List<Mono<Optional<Object>>> answers = ids.stream().map(id -> resolve(id, environment)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .onErrorResume(GatewayException.class, error -> error.code() == ErrorCode.NOT_FOUND
                                ? Mono.just(Optional.empty()) : Mono.error(error)))
                .toList();
        // In any order, so a slot frees as soon as any answer comes; then put back in the order of the IDs.
        return Flux.range(0, answers.size())
                .flatMap(index -> answers.get(index).map(answer -> Map.entry(index, answer)), BitbucketProperties.FAN_OUT)
                .collectSortedList(Map.Entry.comparingByKey())
                // A null stands for a missing object; Reactor carries no nulls, so they are put in the list last.
                .map(found -> found.stream().map(entry -> entry.getValue().orElse(null)).toList());
    }

    private Mono<Object> resolve(String id, DataFetchingEnvironment environment) {
        GlobalId global = GlobalId.decode(id);
        NodeType<?> type = types.get(global.type());
        if (type == null) {
            return Mono.error(new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'" + id + "' is not an ID this gateway issued; use the 'id' field of an object it returned."));
        }
        return load(type, global, environment);
    }

    private static <K> Mono<Object> load(NodeType<K> type, GlobalId global, DataFetchingEnvironment environment) {
        return type.load(type.id().decode(global, "id"), environment).cast(Object.class);
    }
}

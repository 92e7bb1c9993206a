package io.pipelinesgateway.node;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.FieldErrors;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.graphql.NodeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import graphql.execution.DataFetcherResult;
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
        return resolve(id, "id", environment);
    }

    /**
     * The objects {@code ids} name, in their order: null for one that does not exist, and null with an error pathed to
     * its place for one that could not be read (an ID the gateway did not issue, a refusal, the request's upstream
     * budget spent), so one bad ID costs the caller only its own place.
     */
    @QueryMapping
    Mono<DataFetcherResult<List<Object>>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
        if (ids.size() > properties.maxIds()) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "'ids' holds " + ids.size() + " IDs; nodes takes at "
                    + "most " + properties.maxIds() + " (gateway.nodes.max-ids): ask for the rest in another request.");
        }
        // Every DataLoader load is queued here, before the dispatch; a Mono that reads around them waits to be run.
        List<Mono<Slot>> answers = IntStream.range(0, ids.size()).mapToObj(index -> eagerly(ids.get(index),
                        "ids." + index, environment)
                        .map(Slot::found)
                        .defaultIfEmpty(Slot.MISSING)
                        .onErrorResume(GatewayException.class, error -> Mono.just(
                                error.code() == ErrorCode.NOT_FOUND ? Slot.MISSING : new Slot(null, error))))
                .toList();
        // In any order, so a slot frees as soon as any answer comes; then put back in the order of the IDs.
        return Flux.range(0, answers.size())
                .flatMap(index -> answers.get(index).map(answer -> Map.entry(index, answer)),
                        BitbucketProperties.FAN_OUT)
                .collectSortedList(Map.Entry.comparingByKey())
                .map(found -> DataFetcherResult.<List<Object>>newResult()
                        // A null stands for a missing object; Reactor carries no nulls, so they are put in the list last.
                        .data(found.stream().map(entry -> entry.getValue().value()).toList())
                        .errors(found.stream().filter(entry -> entry.getValue().failure() != null)
                                .map(entry -> FieldErrors.ofItem(entry.getValue().failure(), environment, entry.getKey()))
                                .toList())
                        .build());
    }

    /** One place of {@code nodes}' answer: the object, or null and, where it could not be read, why. */
    private record Slot(Object value, GatewayException failure) {

        static final Slot MISSING = new Slot(null, null);

        static Slot found(Object value) {
            return new Slot(value, null);
        }
    }

    /** {@link #resolve}, with an ID it cannot decode answered as a failed Mono, its load queued at once otherwise. */
    private Mono<Object> eagerly(String id, String field, DataFetchingEnvironment environment) {
        try {
            return resolve(id, field, environment);
        }
        catch (GatewayException undecodable) {
            return Mono.error(undecodable);
        }
    }

    /** The object {@code id} names; an ID whose parts its type cannot read is BAD_USER_INPUT on {@code field}. */
    private Mono<Object> resolve(String id, String field, DataFetchingEnvironment environment) {
        GlobalId global = GlobalId.decode(id);
        NodeType<?> type = types.get(global.type());
        if (type == null) {
            return Mono.error(new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'" + id + "' is not an ID this gateway issued; use the 'id' field of an object it returned."));
        }
        return load(type, global, field, environment);
    }

    private static <K> Mono<Object> load(NodeType<K> type, GlobalId global, String field,
            DataFetchingEnvironment environment) {
        return type.load(type.id().decode(global, field), environment).cast(Object.class);
    }
}

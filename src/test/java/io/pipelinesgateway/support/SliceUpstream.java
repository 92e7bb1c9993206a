package io.pipelinesgateway.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Loaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a controller slice test puts behind the DataLoaders in place of Bitbucket: answers by key, registered through
 * the gateway's own {@link Loaders}, and a record of every key each loader was asked for, so a test sees how many
 * loads a query made. A key with no answer fails alone, NOT_FOUND, as a missing object does upstream.
 */
public final class SliceUpstream {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Loaders loaders;
    private final Map<Class<?>, List<Object>> asked = new HashMap<>();

    public SliceUpstream(Loaders loaders) {
        this.loaders = loaders;
    }

    /** Registers the loader of {@code valueType}, answering from {@code answers}. */
    public <K, V> SliceUpstream serves(Class<K> keyType, Class<V> valueType, Map<K, V> answers) {
        return serves(keyType, valueType, key -> answers.containsKey(key) ? Mono.just(answers.get(key))
                : Mono.error(new GatewayException(ErrorCode.NOT_FOUND, "No such " + valueType.getSimpleName())));
    }

    /** Registers the loader of {@code valueType}, answering with {@code answer}. */
    public <K, V> SliceUpstream serves(Class<K> keyType, Class<V> valueType, Function<K, Mono<V>> answer) {
        loaders.register(keyType, valueType, key -> {
            synchronized (asked) {
                asked.computeIfAbsent(valueType, any -> new ArrayList<>()).add(key);
            }
            return answer.apply(key);
        });
        return this;
    }

    /** Every key the loader of {@code valueType} was asked for, in order, each time it was. */
    public List<Object> asked(Class<?> valueType) {
        synchronized (asked) {
            return List.copyOf(asked.getOrDefault(valueType, Collections.emptyList()));
        }
    }

    /** Forgets the keys asked so far. */
    public void reset() {
        synchronized (asked) {
            asked.clear();
        }
    }

    /** The {@code values} of a real Bitbucket page, each read as the gateway's model of it. */
    public static <T> List<T> payloadValues(String file, Class<T> type) {
        List<T> values = new ArrayList<>();
        JSON.readTree(Payloads.text(file)).path("values").forEach(value -> values.add(JSON.treeToValue(value, type)));
        return values;
    }

    /** A real Bitbucket payload read as the gateway's model of it. */
    public static <T> T payload(String file, Class<T> type) {
        return JSON.readValue(Payloads.text(file), type);
    }
}

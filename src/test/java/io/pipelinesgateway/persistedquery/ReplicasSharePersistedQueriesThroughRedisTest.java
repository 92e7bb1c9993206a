package io.pipelinesgateway.persistedquery;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis, a query registered through one replica runs by its hash on every other; a store that does not answer
 * knows nothing rather than failing, so the client is asked for the query's text and the request still runs.
 */
class ReplicasSharePersistedQueriesThroughRedisTest {

    private static final String HASH = "a".repeat(64);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RedisClient connections = RedisClient.create();

    @AfterEach
    void closeRedis() {
        connections.shutdown();
    }

    @Test
    void aQueryKeptByOneReplicaIsKnownToAnother() {
        String prefix = TestRedis.uniquePrefix();
        PersistedQueryStore first = store(TestRedis.url(), prefix);
        PersistedQueryStore second = store(TestRedis.url(), prefix);

        first.put(HASH, "{ __typename }").block(WAIT);

        assertThat(second.get(HASH).block(WAIT)).isEqualTo("{ __typename }");
        assertThat(store(TestRedis.url(), TestRedis.uniquePrefix()).get(HASH).blockOptional(WAIT))
                .as("another gateway's keys").isEmpty();
    }

    @Test
    void aStoreWhoseRedisIsDownKnowsNothingAndKeepsNothingWithoutFailing() {
        TestRedis.Dedicated redis = TestRedis.start();
        redis.stop();
        PersistedQueryStore store = store(redis.url(), TestRedis.uniquePrefix());

        store.put(HASH, "{ __typename }").block(WAIT);

        assertThat(store.get(HASH).blockOptional(WAIT)).isEmpty();
    }

    private PersistedQueryStore store(String url, String prefix) {
        return new RedisPersistedQueryStore(TestRedis.connections(connections, url, Duration.ofSeconds(2)), prefix,
                Duration.ofMinutes(5));
    }
}

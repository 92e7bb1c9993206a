package io.pipelinesgateway.webhook;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.redis.RedisSettings;
import io.pipelinesgateway.redis.SharedState;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Any replica may store a repository's pipelines listing, so each must know that its webhooks are seen: a delivery
 * received by one replica covers the repository on another within seconds, through Redis, and the other replica
 * answers from its own view without asking Redis per read. Other repositories stay uncovered.
 */
class ADeliveryToOneReplicaCoversTheRepositoryOnEveryReplicaTest {

    private static final RepositoryKey API = new RepositoryKey("acme", "api");

    private final RedisClient client = RedisClient.create();
    private final String prefix = TestRedis.uniquePrefix();
    private final RepositoriesWithWebhooks first = replica();
    private final RepositoriesWithWebhooks second = replica();

    @AfterEach
    void stop() {
        first.destroy();
        second.destroy();
        client.shutdown();
    }

    @Test
    void theOtherReplicaCoversTheRepositoryOnceItReadsRedis() {
        assertThat(second.covers("acme", "api")).isFalse();

        first.delivered(API).block();

        assertThat(first.covers("acme", "api")).as("at once where it was received").isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> second.covers("acme", "api"));
        assertThat(second.covers("acme", "mobile")).isFalse();
        RepositoriesWithWebhooks later = replica();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> later.covers("ACME", "api"));
        }
        finally {
            later.destroy();
        }
    }

    private RepositoriesWithWebhooks replica() {
        RedisConnections redis = TestRedis.connections(client, TestRedis.url(), Duration.ofSeconds(2));
        return new RepositoriesWithWebhooks(new WebhookProperties("secret", Duration.ofHours(1),
                Duration.ofHours(24), List.of()), new SharedState(redis, new RedisSettings(prefix, Duration.ofMillis(250))));
    }
}

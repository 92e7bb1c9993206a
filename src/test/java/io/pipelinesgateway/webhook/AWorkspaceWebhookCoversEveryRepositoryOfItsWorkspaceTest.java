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
 * A webhook installed on a workspace delivers for every repository of it, so once one delivery from a workspace
 * declared so ({@code gateway.webhooks.workspaces}) is seen, its quiet repositories are covered too, on every
 * replica; a repository's own webhook, in a workspace not declared, covers that repository only.
 */
class AWorkspaceWebhookCoversEveryRepositoryOfItsWorkspaceTest {

    private final RedisClient client = RedisClient.create();
    private final String prefix = TestRedis.uniquePrefix();

    @AfterEach
    void stop() {
        client.shutdown();
    }

    @Test
    void oneDeliveryFromADeclaredWorkspaceCoversItsQuietRepositoriesInProcess() {
        RepositoriesWithWebhooks coverage = inProcess(List.of("Acme"));
        try {
            assertThat(coverage.covers("acme", "web")).isFalse();

            coverage.delivered(new RepositoryKey("acme", "api")).block();

            assertThat(coverage.covers("acme", "api")).isTrue();
            assertThat(coverage.covers("acme", "web")).as("a quiet repository of the same workspace").isTrue();
            assertThat(coverage.covers("globex", "web")).as("another workspace").isFalse();
        }
        finally {
            coverage.destroy();
        }
    }

    @Test
    void aRepositorysOwnWebhookCoversOnlyThatRepository() {
        RepositoriesWithWebhooks coverage = inProcess(List.of("globex"));
        try {
            coverage.delivered(new RepositoryKey("acme", "api")).block();

            assertThat(coverage.covers("acme", "api")).isTrue();
            assertThat(coverage.covers("acme", "web")).isFalse();
        }
        finally {
            coverage.destroy();
        }
    }

    @Test
    void theWholeWorkspaceIsCoveredOnAnotherReplicaThroughRedis() {
        RepositoriesWithWebhooks first = replica();
        RepositoriesWithWebhooks second = replica();
        try {
            first.delivered(new RepositoryKey("acme", "api")).block();

            await().atMost(Duration.ofSeconds(15)).until(() -> second.covers("acme", "web"));
            assertThat(second.covers("globex", "web")).isFalse();
        }
        finally {
            first.destroy();
            second.destroy();
        }
    }

    private static RepositoriesWithWebhooks inProcess(List<String> workspaces) {
        return new RepositoriesWithWebhooks(properties(workspaces),
                new SharedState(null, new RedisSettings("test:", Duration.ofMillis(250))));
    }

    private RepositoriesWithWebhooks replica() {
        RedisConnections redis = TestRedis.connections(client, TestRedis.url(), Duration.ofSeconds(2));
        return new RepositoriesWithWebhooks(properties(List.of("acme")),
                new SharedState(redis, new RedisSettings(prefix, Duration.ofMillis(250))));
    }

    private static WebhookProperties properties(List<String> workspaces) {
        return new WebhookProperties("secret", Duration.ofHours(1), Duration.ofHours(24), workspaces);
    }
}

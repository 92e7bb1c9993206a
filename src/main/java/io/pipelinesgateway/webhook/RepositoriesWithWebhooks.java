package io.pipelinesgateway.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.lettuce.core.KeyValue;
import io.pipelinesgateway.cache.WebhookCoverage;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.redis.SharedState;
import io.pipelinesgateway.repository.RepositoryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The repositories that had a verified webhook delivery within {@code gateway.webhooks.seen-window}: their changes
 * reach the gateway as deliveries, which evict their pipelines listing, so it may be kept longer. Every replica must
 * agree, since any of them may store the listing: a delivery is recorded in Redis when configured (a hash under the
 * cache's key prefix, repository to time of the last delivery), and each replica reads that hash into its own view
 * every {@value #REFRESH_SECONDS} seconds; {@link #covers} answers from that view, so a cached read never waits on
 * Redis. Without Redis, or while it does not answer, a replica knows the deliveries it received itself. A workspace
 * whose webhook is installed on the workspace ({@code gateway.webhooks.workspaces}) is covered whole while any of its
 * repositories had a delivery: it is kept as one more entry, the workspace's, beside its repositories'.
 */
@Component
class RepositoriesWithWebhooks implements WebhookCoverage, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RepositoriesWithWebhooks.class);
    private static final long REFRESH_SECONDS = 5;
    /** Repositories remembered in process at the most: more than any workspace holds. */
    private static final long MAX_REMEMBERED = 100_000;

    /** What a workspace-wide entry is named after its workspace: no repository slug holds it. */
    private static final String WHOLE_WORKSPACE = "/*";

    private final long windowMillis;
    /** The workspaces whose webhook delivers for all their repositories, lower case. */
    private final Set<String> workspaceWide;
    private final String key;
    private final Optional<RedisConnections> redis;
    /** Repository ({@code workspace/slug}, lower case) to the epoch millisecond of its last delivery. */
    private final Cache<String, Long> lastDelivery;
    private final Disposable refreshing;

    RepositoriesWithWebhooks(WebhookProperties properties, SharedState state) {
        this.windowMillis = properties.seenWindow().toMillis();
        this.workspaceWide = properties.workspaces().stream().map(slug -> slug.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.key = state.keyPrefix() + "webhook:covered";
        this.redis = state.redis();
        this.lastDelivery = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
                .expireAfter(Expiry.<String, Long>writing((repository, at) -> remaining(at)))
                .build();
        // Without a secret no delivery is accepted, on any replica that shares this configuration: nothing to read.
        this.refreshing = this.redis.filter(connections -> !properties.secret().isEmpty())
                .map(connections -> Flux.interval(Duration.ZERO, Duration.ofSeconds(REFRESH_SECONDS))
                        .concatMap(tick -> refresh(connections))
                        .subscribe())
                .orElse(Disposables.disposed());
    }

    @Override
    public boolean covers(String workspace, String repository) {
        return lastDelivery.getIfPresent(name(workspace, repository)) != null
                || lastDelivery.getIfPresent(workspace.toLowerCase(Locale.ROOT) + WHOLE_WORKSPACE) != null;
    }

    /** Records a verified delivery for {@code repository}, here at once and in Redis for the other replicas. */
    Mono<Void> delivered(RepositoryKey repository) {
        String workspace = repository.workspace().toLowerCase(Locale.ROOT);
        Map<String, String> covered = new HashMap<>();
        long now = System.currentTimeMillis();
        covered.put(name(repository.workspace(), repository.slug()), Long.toString(now));
        if (workspaceWide.contains(workspace)) {
            covered.put(workspace + WHOLE_WORKSPACE, Long.toString(now));
        }
        covered.keySet().forEach(name -> lastDelivery.asMap().merge(name, now, Math::max));
        return redis.map(connections -> connections
                        .text(commands -> commands.hset(key, covered)
                                .then(commands.pexpire(key, windowMillis)))
                        .then()
                        .onErrorResume(error -> {
                            log.debug("Webhook coverage store unavailable, known here only: {}", error.toString());
                            return Mono.empty();
                        }))
                .orElse(Mono.empty());
    }

    private Mono<Void> refresh(RedisConnections connections) {
        return connections.textInBackground(commands -> commands.hgetall(key).collectList())
                .doOnNext(entries -> entries.stream().filter(KeyValue::hasValue).forEach(this::learn))
                .onErrorResume(error -> {
                    log.debug("Webhook coverage store unavailable, keeping this replica's view: {}",
                            error.toString());
                    return Mono.empty();
                })
                .then();
    }

    private void learn(KeyValue<String, String> entry) {
        try {
            long at = Long.parseLong(entry.getValue());
            if (!remaining(at).isZero()) {
                lastDelivery.asMap().merge(entry.getKey(), at, Math::max);
            }
        }
        catch (NumberFormatException notOurs) {
            log.debug("Ignoring an unreadable webhook coverage entry for {}", entry.getKey());
        }
    }

    private Duration remaining(long deliveredAt) {
        return Duration.ofMillis(Math.max(0, deliveredAt + windowMillis - System.currentTimeMillis()));
    }

    private static String name(String workspace, String repository) {
        return (workspace + "/" + repository).toLowerCase(Locale.ROOT);
    }

    @Override
    public void destroy() {
        refreshing.dispose();
    }
}

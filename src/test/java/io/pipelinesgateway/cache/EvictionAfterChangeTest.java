package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelinesgateway.redis.RedisSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change evicts the listing of the collection it changed, whether Bitbucket publishes that listing with a trailing
 * slash or without one, so the next read shows the change.
 */
class EvictionAfterChangeTest {

    private final ResponseCache cache = new ResponseCache(new InProcessResponseStore(100),
            new ResponseCacheProperties(true, "secret", Duration.ofHours(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(5), 100, 1_000_000, true,
                    Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofMinutes(2)),
            new RedisSettings("test:", Duration.ofMillis(250)), new SimpleMeterRegistry());

    @ParameterizedTest
    @CsvSource({
        "/repositories/acme/api/pipelines_config/variables/, /repositories/acme/api/pipelines_config/variables/%7Bv%7D",
        "/workspaces/acme/pipelines-config/variables, /workspaces/acme/pipelines-config/variables/%7Bv%7D",
        "/repositories/acme/api/deployments_config/environments/%7Be%7D/variables, "
                + "/repositories/acme/api/deployments_config/environments/%7Be%7D/variables/%7Bv%7D",
        "/workspaces/acme/pipelines-config/variables, /workspaces/acme/pipelines-config/variables",
        "/repositories/acme/api/pipelines/, /repositories/acme/api/pipelines/%7Bp%7D/stopPipeline"
    })
    void aChangeEvictsTheListingOfItsCollection(String listing, String changed) {
        AtomicInteger fetches = new AtomicInteger();
        Mono<byte[]> fetch = Mono.fromSupplier(() -> new byte[] {(byte) fetches.incrementAndGet()});

        read(listing, fetch);
        read(listing, fetch);
        assertThat(fetches).hasValue(1);

        cache.evictAfterChange(changed).block();
        read(listing, fetch);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void aChangedPipelineIsForgottenWithWhatIsBelowItWhileItsSiblingsStay() {
        AtomicInteger fetches = new AtomicInteger();
        Mono<byte[]> fetch = Mono.fromSupplier(() -> new byte[] {(byte) fetches.incrementAndGet()});
        String changed = "/repositories/acme/api/pipelines/%7Bp1%7D";
        String sibling = "/repositories/acme/api/pipelines/%7Bp2%7D";
        readOne(changed, fetch);
        readOne(changed + "/steps/", fetch);
        readOne(sibling, fetch);
        readOne(sibling + "/steps/", fetch);
        assertThat(fetches).hasValue(4);

        cache.evictItem(changed).block();
        readOne(changed, fetch);
        readOne(changed + "/steps/", fetch);
        readOne(sibling, fetch);
        readOne(sibling + "/steps/", fetch);

        assertThat(fetches).as("the changed pipeline and its steps asked again, the sibling not").hasValue(6);
    }

    private void readOne(String path, Mono<byte[]> fetch) {
        cache.read("pipeline", path, "", "Bearer token", null, fetch, bytes -> bytes,
                bytes -> Freshness.fixed(Duration.ofMinutes(1)), () -> { }).block();
    }

    private void read(String path, Mono<byte[]> fetch) {
        cache.read("list", path, "?page=1&pagelen=100", "Bearer token", null, fetch, bytes -> bytes,
                bytes -> Freshness.fixed(Duration.ofMinutes(1)), () -> { }).block();
    }
}

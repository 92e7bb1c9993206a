package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.bitbucket.BitbucketNamed;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What replicas agree on in Redis: one lease holder per repository (SET NX PX, renewed and released only by its
 * owner, taken over once it expires), interests that expire unless declared again, one budget of calls shared by
 * all, and the watcher's memory for whoever takes over. Two coordination objects play two replicas.
 */
class RedisCoordinationTest {

    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "api");
    private static final Duration TTL = Duration.ofSeconds(5);

    private static RedisClient client;
    private RedisCoordination first;
    private RedisCoordination second;

    @BeforeAll
    static void connect() {
        client = RedisClient.create();
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    @org.junit.jupiter.api.BeforeEach
    void replicas() {
        String prefix = TestRedis.uniquePrefix();
        JsonMapper json = JsonMapper.builder().build();
        first = new RedisCoordination(TestRedis.connections(client, TestRedis.url(), TTL), prefix, json);
        second = new RedisCoordination(TestRedis.connections(client, TestRedis.url(), TTL), prefix, json);
    }

    @Test
    void onlyOneReplicaHoldsTheLeaseUntilItGivesItUp() {
        assertThat(first.acquire(REPOSITORY, "one", TTL).block()).isTrue();
        assertThat(second.acquire(REPOSITORY, "two", TTL).block()).isFalse();
        assertThat(second.renew(REPOSITORY, "two", TTL).block()).isFalse();
        second.release(REPOSITORY, "two").block();
        assertThat(second.acquire(REPOSITORY, "two", TTL).block()).as("a release by another is no release").isFalse();
        assertThat(first.renew(REPOSITORY, "one", TTL).block()).isTrue();

        first.release(REPOSITORY, "one").block();

        assertThat(second.acquire(REPOSITORY, "two", TTL).block()).isTrue();
        assertThat(first.renew(REPOSITORY, "one", TTL).block()).isFalse();
    }

    @Test
    void aLeaseItsReplicaStopsRenewingExpiresAndAnotherTakesIt() throws InterruptedException {
        assertThat(first.acquire(REPOSITORY, "one", Duration.ofMillis(300)).block()).isTrue();
        Thread.sleep(500);

        assertThat(second.acquire(REPOSITORY, "two", TTL).block()).isTrue();
        assertThat(first.renew(REPOSITORY, "one", TTL).block()).isFalse();
    }

    @Test
    void interestsLastAsLongAsTheyAreDeclaredAgain() throws InterruptedException {
        first.declare(REPOSITORY, List.of("pipelines"), Duration.ofMillis(300)).block();
        second.declare(REPOSITORY, List.of("steps:{x}"), Duration.ofSeconds(5)).block();
        assertThat(first.interests(REPOSITORY).block()).containsExactlyInAnyOrder("pipelines", "steps:{x}");

        Thread.sleep(500);

        assertThat(first.interests(REPOSITORY).block()).containsExactly("steps:{x}");
    }

    @Test
    void theBudgetCountsTheCallsOfEveryReplicaInTheSameMinute() {
        long allowed = 0;
        Duration wait = Duration.ZERO;
        for (int call = 0; call < 10; call++) {
            Duration answer = (call % 2 == 0 ? first : second).reserveCall("acme", 6).block();
            if (answer.isZero()) {
                allowed++;
            }
            else {
                wait = answer;
            }
        }
        assertThat(allowed).isEqualTo(6);
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(first.reserveCall("globex", 6).block()).as("budgets are per workspace").isZero();
    }

    @Test
    void theWatchersMemoryComesBackAsItWasSaved() {
        BitbucketState running = new BitbucketState("pipeline_state_in_progress", "IN_PROGRESS",
                new BitbucketNamed("pipeline_state_in_progress_running", "RUNNING"), null);
        WatchState state = new WatchState(true, Map.of("{p}", running),
                Map.of("{s}", new WatchState.StepMemory("{p}", running, 42L, false)));

        first.saveState(REPOSITORY, state, TTL).block();

        assertThat(second.loadState(REPOSITORY).block()).isEqualTo(state);
    }
}

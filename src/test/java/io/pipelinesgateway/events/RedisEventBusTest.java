package io.pipelinesgateway.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.bitbucket.BitbucketNamed;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events over Redis pub/sub between two replicas sharing a prefix: every listener of a repository, on either replica,
 * the publisher's own included, gets each event once and whole (every kind survives the trip as JSON); listeners of
 * another repository, and listeners that left, get nothing.
 */
class RedisEventBusTest {

    private static final RepositoryKey API = new RepositoryKey("acme", "api");
    private static final RepositoryKey WEB = new RepositoryKey("acme", "web-app");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private RedisClient client;
    private RedisEventBus first;
    private RedisEventBus second;

    @BeforeEach
    void replicas() {
        client = RedisClient.create();
        String prefix = TestRedis.uniquePrefix();
        first = new RedisEventBus(TestRedis.connections(client, TestRedis.url(), WAIT), prefix,
                JsonMapper.builder().build());
        second = new RedisEventBus(TestRedis.connections(client, TestRedis.url(), WAIT), prefix,
                JsonMapper.builder().build());
    }

    @AfterEach
    void disconnect() {
        client.shutdown();
    }

    @Test
    void everyListenerOfTheRepositoryOnEitherReplicaGetsEachEventOnceAndWhole() throws InterruptedException {
        List<WatchEvent> onFirst = new CopyOnWriteArrayList<>();
        List<WatchEvent> onSecond = new CopyOnWriteArrayList<>();
        List<WatchEvent> elsewhere = new CopyOnWriteArrayList<>();
        Disposable a = first.listen(API, onFirst::add).block(WAIT);
        Disposable b = second.listen(API, onSecond::add).block(WAIT);
        Disposable c = second.listen(WEB, elsewhere::add).block(WAIT);
        List<WatchEvent> events = List.of(pipelineChanged(), stepChanged(), logAppended(),
                new RefreshRequested("acme", "api", "repo:commit_status_updated"));

        for (WatchEvent event : events) {
            first.publish(event).block(WAIT);
        }

        await().atMost(WAIT).until(() -> onFirst.size() == 4 && onSecond.size() == 4);
        Thread.sleep(200);
        assertThat(onFirst).hasSize(4);
        assertThat(onSecond).hasSize(4);
        assertThat(elsewhere).isEmpty();
        assertThat(onSecond.get(0)).isEqualTo(events.get(0));
        assertThat(onSecond.get(1)).isEqualTo(events.get(1));
        LogAppended log = (LogAppended) onSecond.get(2);
        assertThat(new String(log.bytes())).isEqualTo("+ mvn -B verify\n✓ done\n");
        assertThat(log.offset()).isEqualTo(128);
        assertThat(log.complete()).isTrue();
        assertThat(onSecond.get(3)).isEqualTo(events.get(3));
        a.dispose();
        b.dispose();
        c.dispose();
    }

    @Test
    void aListenerThatLeftGetsNothingMore() throws InterruptedException {
        List<WatchEvent> stayed = new CopyOnWriteArrayList<>();
        List<WatchEvent> left = new CopyOnWriteArrayList<>();
        Disposable staying = first.listen(API, stayed::add).block(WAIT);
        second.listen(API, left::add).block(WAIT).dispose();

        second.publish(pipelineChanged()).block(WAIT);

        await().atMost(WAIT).until(() -> stayed.size() == 1);
        Thread.sleep(200);
        assertThat(left).isEmpty();
        staying.dispose();
    }

    private static PipelineChanged pipelineChanged() {
        BitbucketState running = new BitbucketState("pipeline_state_in_progress", "IN_PROGRESS",
                new BitbucketNamed("pipeline_state_in_progress_running", "RUNNING"), null);
        BitbucketState pending = new BitbucketState("pipeline_state_pending", "PENDING", null, null);
        return new PipelineChanged("acme", "api", new BitbucketPipeline("pipeline", "{p}", 7, null, null, null, null,
                running, null, null, null, null, null, null, null, null, null, null), pending,
                Instant.parse("2026-01-31T09:00:00Z"));
    }

    private static StepChanged stepChanged() {
        BitbucketState done = new BitbucketState("pipeline_step_state_completed", "COMPLETED", null,
                new BitbucketNamed("pipeline_step_state_completed_successful", "SUCCESSFUL"));
        return new StepChanged("acme", "api", "{p}", new BitbucketStep("pipeline_step", "{s}", "Build", null, null,
                done, null, null, null, 12, 12, null, null, null, null, null), null,
                Instant.parse("2026-01-31T09:00:01Z"));
    }

    private static LogAppended logAppended() {
        return new LogAppended("acme", "api", "{p}", "{s}", 128, "+ mvn -B verify\n✓ done\n".getBytes(), true, 155);
    }
}

package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.LogSlice;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.events.LogAppended;
import io.pipelinesgateway.events.PipelineChanged;
import io.pipelinesgateway.events.WatchEvent;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.subscription.SubscriberBuffer.Overflow;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A subscriber that reads more slowly than events come holds up no one: the bus only ever adds to the subscriber's
 * own bounded buffer, and past its size a status subscription is closed with a reason, while a log subscription
 * drops chunks and says where and how much.
 */
class SlowSubscriberTest {

    private static final String PIPELINE = "{11111111-1111-1111-1111-111111111111}";
    private static final String STEP = "{22222222-2222-2222-2222-222222222222}";

    @Test
    void aSubscriberThatReadsNothingNeverMakesTheBusWaitAndOneThatReadsGetsEveryEvent() {
        SubscriberBuffer slow = new SubscriberBuffer(8, Overflow.CLOSE, event -> true);
        SubscriberBuffer quick = new SubscriberBuffer(8, Overflow.CLOSE, event -> true);
        List<WatchEvent> read = new CopyOnWriteArrayList<>();
        quick.events().subscribe(read::add);

        for (int event = 0; event < 100; event++) {
            // The bus hands each event to every subscriber in turn; offering returns at once, read or not.
            long started = System.nanoTime();
            slow.offer(pipelineEvent(event));
            quick.offer(pipelineEvent(event));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            int expected = event + 1;
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> read.size() == expected);
        }
        StepVerifier.create(slow.events())
                .expectNextCount(8)
                .expectErrorMatches(error -> ((GatewayException) error).code() == ErrorCode.SUBSCRIPTION_OVERFLOW)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aStatusSubscriberThatFallsTooFarBehindIsClosedWithTheReason() {
        SubscriberBuffer buffer = new SubscriberBuffer(3, Overflow.CLOSE, event -> true);
        IntStream.range(0, 10).forEach(event -> buffer.offer(pipelineEvent(event)));

        StepVerifier.create(buffer.events())
                .expectNextCount(3)
                .expectErrorSatisfies(error -> {
                    assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.SUBSCRIPTION_OVERFLOW);
                    assertThat(error.getMessage()).contains("more than 3 were waiting");
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void eventsTheSubscriberDoesNotWantDoNotFillItsBuffer() {
        SubscriberBuffer buffer = new SubscriberBuffer(2, Overflow.CLOSE,
                event -> event instanceof LogAppended);
        IntStream.range(0, 10).forEach(event -> buffer.offer(pipelineEvent(event)));
        buffer.offer(chunk(0, 10, false));

        StepVerifier.create(buffer.events().take(1)).expectNextMatches(LogAppended.class::isInstance)
                .verifyComplete();
    }

    @Test
    void aSlowLogSubscriberSkipsDroppedChunksAndIsToldWhereAndHowMuch() {
        PipelineEndpoints bitbucket = mock(PipelineEndpoints.class);
        // Nothing written yet when the subscription starts: everything comes from the watcher's chunks.
        when(bitbucket.stepLog(any(), anyString(), anyBoolean(), any()))
                .thenReturn(Mono.just(new LogSlice(0, new byte[0], 0)));
        SubscriberBuffer buffer = new SubscriberBuffer(2, Overflow.DROP_LOG_CHUNKS, event -> true);
        buffer.offer(chunk(0, 10, false));
        buffer.offer(chunk(10, 10, false));
        buffer.offer(chunk(20, 10, false)); // dropped: two are waiting
        buffer.offer(chunk(30, 10, false)); // dropped
        buffer.offer(chunk(40, 0, true)); // the end of the log is always kept

        List<StepLogChunk> chunks = new LogFollower(bitbucket,
                new StepKey("acme", "api", PIPELINE, STEP), "step-id", 0, buffer).follow()
                .collectList().block(Duration.ofSeconds(5));

        assertThat(chunks).extracting(StepLogChunk::offset).containsExactly(0L, 10L, 40L, 40L);
        assertThat(chunks.get(0).text() + chunks.get(1).text()).isEqualTo("a".repeat(10) + "b".repeat(10));
        StepLogChunk gap = chunks.get(2);
        assertThat(gap.gap()).isTrue();
        assertThat(gap.droppedBytes()).isEqualTo(20);
        assertThat(chunks.get(3).complete()).isTrue();
        assertThat(chunks.get(3).totalSize()).isEqualTo(40);
    }

    private static PipelineChanged pipelineEvent(int number) {
        return new PipelineChanged("acme", "api", new BitbucketPipeline("pipeline", PIPELINE, number, null, null, null,
                null, new BitbucketState("pipeline_state_pending", "PENDING", null, null), null, null, null, null,
                null, null, null, null, null, null), null, Instant.now());
    }

    private static LogAppended chunk(long offset, int length, boolean complete) {
        byte[] bytes = String.valueOf((char) ('a' + offset / 10)).repeat(length).getBytes();
        return new LogAppended("acme", "api", PIPELINE, STEP, offset, bytes, complete, offset + length);
    }
}

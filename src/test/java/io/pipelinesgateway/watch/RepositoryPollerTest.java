package io.pipelinesgateway.watch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pipelinesgateway.bitbucket.BitbucketNamed;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.LogSlice;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.events.EventBus;
import io.pipelinesgateway.events.LogAppended;
import io.pipelinesgateway.events.PipelineChanged;
import io.pipelinesgateway.events.StepChanged;
import io.pipelinesgateway.events.WatchEvent;
import io.pipelinesgateway.repository.RepositoryKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * One repository's watcher, poll by poll, against a Bitbucket whose answers the test sets: what it reports (and does
 * not), in which order, and how long it waits between polls.
 */
class RepositoryPollerTest {

    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "api");
    private static final String RUN = "{10000000-0000-0000-0000-000000000001}";
    private static final String OLD = "{10000000-0000-0000-0000-000000000002}";
    private static final String STEP = "{20000000-0000-0000-0000-000000000001}";
    private static final WatchCredential ANYONE = WatchCredential.from(reactor.util.context.Context.empty());
    private static final WatchProperties PROPERTIES = new WatchProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(8), Duration.ofSeconds(64), 2, 1000, 20, DataSize.ofKilobytes(1), Duration.ofSeconds(6),
            Duration.ofMinutes(15));

    private final PipelineEndpoints bitbucket = mock(PipelineEndpoints.class);
    private final List<WatchEvent> published = new ArrayList<>();
    private final AtomicReference<List<BitbucketPipeline>> newest = new AtomicReference<>(List.of());
    private final AtomicReference<List<BitbucketStep>> steps = new AtomicReference<>(List.of());
    private final AtomicReference<byte[]> log = new AtomicReference<>(new byte[0]);
    private final AtomicBoolean webhooksSeen = new AtomicBoolean();
    private RepositoryPoller poller;

    @BeforeEach
    void bitbucket() {
        EventBus bus = mock(EventBus.class);
        when(bus.publish(any())).thenAnswer(call -> Mono.fromRunnable(() -> published.add(call.getArgument(0))));
        when(bitbucket.newestPipelinesNow(eq("acme"), eq("api"), anyInt()))
                .thenAnswer(call -> Mono.fromSupplier(newest::get));
        when(bitbucket.stepsNow(eq("acme"), eq("api"), anyString()))
                .thenAnswer(call -> Mono.fromSupplier(steps::get));
        when(bitbucket.pipeline(eq("acme"), eq("api"), anyString(), eq(Read.LIVE)))
                .thenAnswer(call -> Mono.justOrEmpty(newest.get().stream().filter(pipeline -> call.<String>
                        getArgument(2).equals(pipeline.uuid())).findFirst()));
        when(bitbucket.stepLog(any(), anyString(), eq(false), eq(Read.LIVE)))
                .thenAnswer(call -> Mono.fromSupplier(() -> slice(log.get(), call.getArgument(1))));
        when(bitbucket.forgetListing(anyString(), anyString())).thenReturn(Mono.empty());
        when(bitbucket.forgetPipeline(anyString(), anyString(), anyString())).thenReturn(Mono.empty());
        poller = new RepositoryPoller(REPOSITORY, WatchState.empty(), bitbucket, bus,
                new LocalCoordination(Clock.systemUTC()), PROPERTIES,
                (workspace, repository) -> webhooksSeen.get() && workspace.equals("acme") && repository.equals("api"),
                Clock.systemUTC());
    }

    @Test
    void theFirstPollIsABaselineAndRunsSeenAfterItAreReportedAsNewThenAtEachChange() {
        newest.set(List.of(pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        assertThat(published).as("what was there before is no news").isEmpty();

        newest.set(List.of(pipeline(RUN, pending()), pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        newest.set(List.of(pipeline(RUN, running()), pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        poll(new WatchInterest.Pipelines(REPOSITORY));

        assertThat(published).hasSize(2);
        PipelineChanged appeared = (PipelineChanged) published.get(0);
        assertThat(appeared.pipeline().uuid()).isEqualTo(RUN);
        assertThat(appeared.previous()).isNull();
        PipelineChanged started = (PipelineChanged) published.get(1);
        assertThat(started.pipeline().state().name()).isEqualTo("IN_PROGRESS");
        assertThat(started.previous().name()).isEqualTo("PENDING");
    }

    @Test
    void aChangeDropsTheCachedListingAndTheChangedPipelineButNotTheCompletedOnesBesideIt() {
        newest.set(List.of(pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        newest.set(List.of(pipeline(RUN, pending()), pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));

        verify(bitbucket).forgetListing("acme", "api");
        verify(bitbucket).forgetPipeline("acme", "api", RUN);
        verify(bitbucket, never()).forgetPipeline("acme", "api", OLD);
    }

    @Test
    void aPipelineListedWithoutItsUuidIsPassedOverAndTheRunsBesideItAreStillReported() {
        newest.set(List.of(pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));

        // The spec leaves a pipeline's uuid optional: one listed without it cannot be followed, but stops no other.
        newest.set(List.of(pipeline(null, pending()), pipeline(RUN, pending()),
                pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));

        assertThat(published).hasSize(1);
        assertThat(((PipelineChanged) published.get(0)).pipeline().uuid()).isEqualTo(RUN);
    }

    @Test
    void itPollsFastWhileARunRunsAndWaitsTwiceAsLongAfterEachQuietPollUpToTheLongest() {
        newest.set(List.of(pipeline(RUN, running())));
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).isEqualTo(Duration.ofSeconds(1));
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).isEqualTo(Duration.ofSeconds(1));

        newest.set(List.of(pipeline(RUN, completed("SUCCESSFUL"))));
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).as("a change: fast again")
                .isEqualTo(Duration.ofSeconds(1));
        List<Duration> quiet = new ArrayList<>();
        for (int poll = 0; poll < 5; poll++) {
            quiet.add(poll(new WatchInterest.Pipelines(REPOSITORY)));
        }
        assertThat(quiet).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(8), Duration.ofSeconds(8));

        poller.quicken();
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).as("after a webhook")
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFollowedLogIsPublishedAsItGrowsCutBetweenCharactersThenItsEndBeforeTheStepsCompletion() {
        newest.set(List.of(pipeline(RUN, running())));
        WatchInterest followed = new WatchInterest.Log(REPOSITORY, RUN, STEP);
        steps.set(List.of(step(stepRunning())));
        String text = "clone ✓\nbuild ✓✓\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int cut = "clone ✓\nbuild ".getBytes(StandardCharsets.UTF_8).length + 1; // inside the first of ✓✓
        log.set(Arrays.copyOf(bytes, cut));
        poll(followed);
        log.set(bytes);
        poll(followed);
        steps.set(List.of(step(stepCompleted())));
        poll(followed);

        List<LogAppended> chunks = published.stream().filter(LogAppended.class::isInstance)
                .map(LogAppended.class::cast).toList();
        StringBuilder received = new StringBuilder();
        long offset = 0;
        for (LogAppended chunk : chunks) {
            assertThat(chunk.offset()).isEqualTo(offset);
            String piece = new String(chunk.bytes(), StandardCharsets.UTF_8);
            assertThat(piece).doesNotContain("\uFFFD");
            received.append(piece);
            offset = chunk.end();
        }
        assertThat(received.toString()).isEqualTo(text);
        LogAppended last = chunks.get(chunks.size() - 1);
        assertThat(last.complete()).isTrue();
        assertThat(last.totalSize()).isEqualTo(bytes.length);
        int end = published.indexOf(last);
        assertThat(published.subList(end + 1, published.size())).as("the step's completion comes after its log's end")
                .anySatisfy(event -> assertThat(((StepChanged) event).step().state().name()).isEqualTo("COMPLETED"));
    }

    @Test
    void whileItsWebhooksAreSeenAnIdleRepositoryWithARunPausedBeforeAManualStepIsPolledSeldom() {
        webhooksSeen.set(true);
        newest.set(List.of(pipeline(RUN, paused()), pipeline(OLD, completed("SUCCESSFUL"))));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        List<Duration> quiet = new ArrayList<>();
        for (int poll = 0; poll < 7; poll++) {
            quiet.add(poll(new WatchInterest.Pipelines(REPOSITORY)));
        }
        assertThat(quiet).as("a person running the manual step brings a delivery, which makes it poll at once")
                .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                        Duration.ofSeconds(32), Duration.ofSeconds(64), Duration.ofSeconds(64),
                        Duration.ofSeconds(64));

        webhooksSeen.set(false);
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).as("no delivery seen lately: a change may come "
                + "without one").isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aRunWaitingForARunnerOrHaltedKeepsTheShorterLongestWaitThoughWebhooksAreSeen() {
        webhooksSeen.set(true);
        for (BitbucketState waiting : List.of(pending(), halted())) {
            newest.set(List.of(pipeline(RUN, waiting), pipeline(OLD, completed("SUCCESSFUL"))));
            List<Duration> quiet = new ArrayList<>();
            for (int poll = 0; poll < 6; poll++) {
                quiet.add(poll(new WatchInterest.Pipelines(REPOSITORY)));
            }
            assertThat(quiet).as("it starts or goes on without a delivery").last()
                    .isEqualTo(Duration.ofSeconds(8));
        }
    }

    @Test
    void whereOnlyStatusesAreFollowedARunWhoseEndADeliveryAnnouncesIsWaitedOutAsAnIdleRepositoryIs() {
        webhooksSeen.set(true);
        newest.set(List.of(pipeline(RUN, running()), pipeline(OLD, completed("SUCCESSFUL"))));
        List<Duration> statuses = new ArrayList<>();
        for (int poll = 0; poll < 5; poll++) {
            statuses.add(poll(new WatchInterest.Pipelines(REPOSITORY)));
        }
        assertThat(statuses).as("its end, or a pause before a manual step, brings a delivery; a halt is seen within "
                + "the longest wait without one").containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));

        assertThat(poll(new WatchInterest.Steps(REPOSITORY, RUN))).as("its steps move on without a delivery")
                .isEqualTo(Duration.ofSeconds(1));
        webhooksSeen.set(false);
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).as("no delivery seen lately")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whereOnlyStatusesAreFollowedTheEndOfARunADeliveryAnnouncedIsFollowedByTheLongerWaitsAtOnce() {
        webhooksSeen.set(true);
        newest.set(List.of(pipeline(RUN, running())));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        newest.set(List.of(pipeline(RUN, completed("SUCCESSFUL"))));
        poller.quicken();

        List<Duration> after = new ArrayList<>();
        for (int poll = 0; poll < 5; poll++) {
            after.add(poll(new WatchInterest.Pipelines(REPOSITORY)));
        }
        assertThat(published).hasSize(1);
        assertThat(after).as("the poll the delivery brought saw the end: no fast polls after it")
                .containsExactly(Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32),
                        Duration.ofSeconds(64), Duration.ofSeconds(64));
    }

    @Test
    void aChangeSeenWhereStepsAreFollowedOrWebhooksAreNotSeenIsFollowedByFastPolls() {
        newest.set(List.of(pipeline(RUN, running())));
        poll(new WatchInterest.Pipelines(REPOSITORY));
        newest.set(List.of(pipeline(RUN, completed("SUCCESSFUL"))));
        assertThat(poll(new WatchInterest.Pipelines(REPOSITORY))).as("no delivery seen lately")
                .isEqualTo(Duration.ofSeconds(1));

        webhooksSeen.set(true);
        newest.set(List.of(pipeline(OLD, running())));
        steps.set(List.of(step(stepRunning())));
        WatchInterest followed = new WatchInterest.Steps(REPOSITORY, OLD);
        poll(followed);
        newest.set(List.of(pipeline(OLD, completed("SUCCESSFUL"))));
        steps.set(List.of(step(stepCompleted())));
        assertThat(poll(followed)).as("a followed step's change").isEqualTo(Duration.ofSeconds(1));
    }

    private Duration poll(WatchInterest interest) {
        return poller.poll(Set.of(interest), ANYONE).block(Duration.ofSeconds(5));
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** A Range read of {@code log}, as Bitbucket answers it. */
    private static LogSlice slice(byte[] log, String range) {
        Matcher matcher = RANGE.matcher(range);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(range);
        }
        int first;
        int last;
        if (matcher.group(1).isEmpty()) {
            first = Math.max(0, log.length - Integer.parseInt(matcher.group(2)));
            last = log.length - 1;
        }
        else {
            first = Integer.parseInt(matcher.group(1));
            last = Math.min(log.length - 1, Integer.parseInt(matcher.group(2)));
        }
        if (first >= log.length) {
            return new LogSlice(log.length, new byte[0], log.length);
        }
        return new LogSlice(first, Arrays.copyOfRange(log, first, last + 1), log.length);
    }

    private static BitbucketPipeline pipeline(String uuid, BitbucketState state) {
        return new BitbucketPipeline("pipeline", uuid, 1, null, null, null, null, state, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static BitbucketStep step(BitbucketState state) {
        return new BitbucketStep("pipeline_step", STEP, "Build", null, null, state, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static BitbucketState pending() {
        return new BitbucketState("pipeline_state_pending", "PENDING", null, null);
    }

    private static BitbucketState running() {
        return new BitbucketState("pipeline_state_in_progress", "IN_PROGRESS",
                new BitbucketNamed("pipeline_state_in_progress_running", "RUNNING"), null);
    }

    private static BitbucketState paused() {
        return new BitbucketState("pipeline_state_in_progress", "IN_PROGRESS",
                new BitbucketNamed("pipeline_state_in_progress_paused", "PAUSED"), null);
    }

    private static BitbucketState halted() {
        return new BitbucketState("pipeline_state_in_progress", "IN_PROGRESS",
                new BitbucketNamed("pipeline_state_in_progress_halted", "HALTED"), null);
    }

    private static BitbucketState completed(String result) {
        return new BitbucketState("pipeline_state_completed", "COMPLETED", null,
                new BitbucketNamed("pipeline_state_completed_" + result.toLowerCase(), result));
    }

    private static BitbucketState stepRunning() {
        return new BitbucketState("pipeline_step_state_in_progress", "IN_PROGRESS", null, null);
    }

    private static BitbucketState stepCompleted() {
        return new BitbucketState("pipeline_step_state_completed", "COMPLETED", null,
                new BitbucketNamed("pipeline_step_state_completed_successful", "SUCCESSFUL"));
    }
}

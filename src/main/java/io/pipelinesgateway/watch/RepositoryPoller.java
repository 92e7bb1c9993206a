package io.pipelinesgateway.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.LogRangeException;
import io.pipelinesgateway.bitbucket.LogSlice;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.StateName;
import io.pipelinesgateway.bitbucket.Utf8;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.cache.WebhookCoverage;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.events.EventBus;
import io.pipelinesgateway.events.LogAppended;
import io.pipelinesgateway.events.PipelineChanged;
import io.pipelinesgateway.events.StepChanged;
import io.pipelinesgateway.events.WatchEvent;
import io.pipelinesgateway.pipeline.PipelineState;
import io.pipelinesgateway.pipeline.PipelineStatus;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.watch.WatchState.StepMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The watcher of one repository: each poll reads what the subscribers of every replica need (the newest pipelines,
 * the steps of followed pipelines, the new bytes of followed logs), compares it with what it saw before, and
 * publishes the differences, in the order a reader expects: a step's log bytes before the step's completion, steps
 * before their pipeline. It reads Bitbucket directly (a cached answer would hide the change it looks for), with one
 * subscriber's credential, and every call first waits for the workspace's budget. Between polls it waits longer
 * the longer nothing runs or changes; longest while the repository's webhooks are seen and nothing it shows can move
 * on without a delivery ({@link WatchProperties#interval}).
 * <p>
 * A poll runs only after the previous one has finished, so its memory needs no locking.
 */
final class RepositoryPoller {

    private static final Logger log = LoggerFactory.getLogger(RepositoryPoller.class);

    /** Unfinished pipelines that fell off the first page, read one by one in a poll. */
    private static final int MAX_PIPELINES_OFF_THE_PAGE = 10;
    /** Reads of one growing log in a poll; the rest waits for the next poll, which comes soon. */
    private static final int READS_OF_A_RUNNING_LOG = 4;
    /** Reads of a completed log in a poll, to reach its end and tell subscribers it is complete. */
    private static final int READS_OF_A_COMPLETED_LOG = 64;

    private final RepositoryKey repository;
    private final PipelineEndpoints bitbucket;
    private final EventBus bus;
    private final Coordination coordination;
    private final WatchProperties properties;
    private final WebhookCoverage webhooks;
    private final Clock clock;

    private boolean baselined;
    private final Map<String, BitbucketState> pipelines = new LinkedHashMap<>();
    private final Map<String, StepMemory> steps = new LinkedHashMap<>();
    private volatile int idlePolls;
    /** The logs followed at the last poll: a log followed anew may need its end told again. */
    private Set<String> followedLogs = Set.of();

    RepositoryPoller(RepositoryKey repository, WatchState state, PipelineEndpoints bitbucket, EventBus bus,
            Coordination coordination, WatchProperties properties, WebhookCoverage webhooks, Clock clock) {
        this.repository = repository;
        this.bitbucket = bitbucket;
        this.bus = bus;
        this.coordination = coordination;
        this.properties = properties;
        this.webhooks = webhooks;
        this.clock = clock;
        this.baselined = state.baselined();
        this.pipelines.putAll(state.pipelines());
        this.steps.putAll(state.steps());
    }

    /** What this watcher remembers, for the replica that may take over. */
    WatchState snapshot() {
        return new WatchState(baselined, pipelines, steps);
    }

    /** The next poll comes at the fast pace again: something is known to have changed. */
    void quicken() {
        idlePolls = 0;
    }

    /**
     * Polls once for {@code interests} with {@code credential}, and tells how long to wait before the next poll.
     * Fails with the upstream error when the credential may not read the repository (UNAUTHENTICATED, FORBIDDEN, or
     * NOT_FOUND for the repository itself), so that the caller can stop lending it.
     */
    Mono<Duration> poll(Set<WatchInterest> interests, WatchCredential credential) {
        Poll poll = new Poll(interests);
        return retellFinishedLogs(poll)
                .then(readNewestPipelines(poll))
                .then(Mono.defer(() -> readPipelinesOffThePage(poll)))
                .then(Mono.defer(() -> Flux.fromIterable(poll.followedPipelines)
                        .concatMap(pipeline -> readSteps(pipeline, poll))
                        .then()))
                .then(Mono.defer(() -> publishPipelineChanges(poll)))
                .then(Mono.fromCallable(() -> {
                    idlePolls = idlePollsAfter(poll);
                    return properties.interval(idlePolls, deliveriesAnnounceChanges());
                }))
                .contextWrite(credential::writeTo);
    }

    /**
     * How many polls in a row, this one included, count as quiet: none after a change or while a run moves on where
     * only polling can see it, so the next poll comes fast. Where only statuses are followed and the repository's
     * webhooks are seen, a running pipeline's next status (its end, or a pause before a manual step) brings a
     * delivery, so its run is quiet too and the wait grows up to {@code max-interval}, which bounds how late a change
     * without a delivery (a halt behind another deployment) is seen; and a change after which every pipeline waits
     * for a delivery to move on (a run that has just ended) is followed by the wait that {@code max-interval}'s worth
     * of quiet polls gives, growing from there, rather than by fast polls: the poll that saw the change has already
     * seen what the delivery announced.
     */
    private int idlePollsAfter(Poll poll) {
        boolean statusesOnly = poll.followedPipelines.isEmpty();
        if (poll.changed) {
            return statusesOnly && deliveriesAnnounceChanges() ? properties.idlePollsToMaxInterval() : 0;
        }
        boolean runEndsAnnounced = statusesOnly && webhooks.covers(repository.workspace(), repository.slug());
        return poll.running && !runEndsAnnounced ? 0 : idlePolls + 1;
    }

    /**
     * Whether the next change of what this watcher follows brings a webhook delivery, which makes it poll at once:
     * the repository's webhooks are seen, and every pipeline it knows has completed or is paused before a manual
     * step. A run that waits for a runner or is halted moves on without a delivery, and so do a running one's steps.
     */
    private boolean deliveriesAnnounceChanges() {
        return pipelines.values().stream().allMatch(BitbucketState::completedOrPausedAtAManualStep)
                && webhooks.covers(repository.workspace(), repository.slug());
    }

    /** What one poll is after, and what it found. */
    private static final class Poll {

        final boolean listWanted;
        final Set<String> followedPipelines = new java.util.LinkedHashSet<>();
        final Set<String> followedLogs = new HashSet<>();
        final Map<String, BitbucketPipeline> seen = new LinkedHashMap<>();
        boolean changed;
        boolean running;
        /** Pipelines whose cached entries this poll dropped already; the listing went with the first. */
        final Set<String> droppedPipelines = new HashSet<>();

        Poll(Set<WatchInterest> interests) {
            boolean list = false;
            for (WatchInterest interest : interests) {
                if (interest instanceof WatchInterest.Pipelines) {
                    list = true;
                }
                else if (interest instanceof WatchInterest.Steps followed) {
                    followedPipelines.add(followed.pipelineUuid());
                }
                else if (interest instanceof WatchInterest.Log followed) {
                    followedPipelines.add(followed.pipelineUuid());
                    followedLogs.add(followed.stepUuid());
                }
            }
            this.listWanted = list;
        }
    }

    /**
     * A subscriber that begins following a log this watcher has already read to its end (another subscriber followed
     * it) would otherwise wait forever, since nothing more will be read: it is told the end again. That costs no call.
     */
    private Mono<Void> retellFinishedLogs(Poll poll) {
        List<WatchEvent> ends = new ArrayList<>();
        for (String stepUuid : poll.followedLogs) {
            StepMemory memory = steps.get(stepUuid);
            if (!followedLogs.contains(stepUuid) && memory != null && memory.logFinished()) {
                long size = memory.logOffset() == null ? 0 : memory.logOffset();
                ends.add(new LogAppended(repository.workspace(), repository.slug(), memory.pipelineUuid(), stepUuid,
                        size, new byte[0], true, size));
            }
        }
        followedLogs = Set.copyOf(poll.followedLogs);
        return Flux.fromIterable(ends).concatMap(this::publish).then();
    }

    private Mono<Void> readNewestPipelines(Poll poll) {
        if (!poll.listWanted) {
            return Mono.empty();
        }
        return call(bitbucket.newestPipelinesNow(repository.workspace(), repository.slug(), properties.pageSize()))
                // A pipeline listed without its UUID (the spec leaves it optional) cannot be followed: passed over.
                .doOnNext(newest -> newest.stream().filter(pipeline -> pipeline.uuid() != null)
                        .forEach(pipeline -> poll.seen.put(uuid(pipeline.uuid()), pipeline)))
                .then();
    }

    /** Unfinished pipelines the first page no longer shows, and followed pipelines it does not show. */
    private Mono<Void> readPipelinesOffThePage(Poll poll) {
        Set<String> wanted = new java.util.LinkedHashSet<>();
        if (poll.listWanted) {
            pipelines.forEach((uuid, state) -> {
                if (!completed(state)) {
                    wanted.add(uuid);
                }
            });
        }
        for (String followed : poll.followedPipelines) {
            BitbucketState known = pipelines.get(followed);
            if (known == null || !completed(known)) {
                wanted.add(followed);
            }
        }
        wanted.removeAll(poll.seen.keySet());
        return Flux.fromIterable(wanted)
                .take(MAX_PIPELINES_OFF_THE_PAGE)
                .concatMap(uuid -> call(bitbucket.pipeline(repository.workspace(), repository.slug(), uuid,
                                Read.LIVE))
                        .doOnNext(pipeline -> poll.seen.put(uuid, pipeline))
                        .onErrorResume(error -> skip(error, "pipeline " + uuid)
                                .doOnSuccess(ignored -> {
                                    if (error instanceof GatewayException gone && gone.code() == ErrorCode.NOT_FOUND) {
                                        pipelines.remove(uuid);
                                    }
                                })
                                .then(Mono.empty())))
                .then();
    }

    private Mono<Void> readSteps(String pipelineUuid, Poll poll) {
        BitbucketPipeline pipeline = poll.seen.get(pipelineUuid);
        BitbucketState pipelineState = pipeline != null ? pipeline.state() : pipelines.get(pipelineUuid);
        List<Map.Entry<String, StepMemory>> known = steps.entrySet().stream()
                .filter(entry -> entry.getValue().pipelineUuid().equals(pipelineUuid)).toList();
        boolean settled = !known.isEmpty() && known.stream().allMatch(entry -> completed(entry.getValue().state())
                && (entry.getValue().logFinished() || !poll.followedLogs.contains(entry.getKey())));
        if (pipelineState == null || (completed(pipelineState) && settled)) {
            // Unknown (it could not be read), or finished and every followed log told: nothing left to see.
            return Mono.empty();
        }
        return call(bitbucket.stepsNow(repository.workspace(), repository.slug(), pipelineUuid))
                .flatMapMany(Flux::fromIterable)
                .filter(step -> step.uuid() != null)
                .concatMap(step -> followStep(pipelineUuid, step, poll))
                .onErrorResume(error -> skip(error, "steps of pipeline " + pipelineUuid))
                .then();
    }

    private Mono<Void> followStep(String pipelineUuid, BitbucketStep step, Poll poll) {
        String stepUuid = uuid(step.uuid());
        StepMemory memory = steps.getOrDefault(stepUuid, new StepMemory(pipelineUuid, null, null, false));
        StateName state = StateName.of(step.state());
        boolean started = state == StateName.IN_PROGRESS || state.isCompleted();
        if (state == StateName.IN_PROGRESS) {
            poll.running = true;
        }
        Mono<StepMemory> log = poll.followedLogs.contains(stepUuid) && !memory.logFinished() && started
                ? followLog(pipelineUuid, step, memory, poll, state.isCompleted()
                        ? READS_OF_A_COMPLETED_LOG : READS_OF_A_RUNNING_LOG)
                : Mono.just(memory);
        return log.flatMap(read -> {
            boolean changed = read.state() == null || !sameStep(read.state(), step.state());
            steps.put(stepUuid, read.withState(step.state()));
            if (!changed) {
                return Mono.empty();
            }
            poll.changed = true;
            return dropCachedPipelines(poll, List.of(pipelineUuid)).then(publish(new StepChanged(repository.workspace(), repository.slug(),
                    pipelineUuid, step, read.state(), clock.instant())));
        });
    }

    /**
     * Reads a followed log on from where the last read stopped, publishing what is new, cut at a character boundary.
     * The first read of a log takes only its end (a suffix range), from the first whole line: subscribers read the
     * part before that themselves, from where they asked to start. Once the step has completed and the end is read,
     * a final event says how long the log is.
     */
    private Mono<StepMemory> followLog(String pipelineUuid, BitbucketStep step, StepMemory memory, Poll poll,
            int readsLeft) {
        boolean complete = completed(step.state());
        Long offset = memory.logOffset();
        long chunk = properties.logChunk().toBytes();
        String range = offset == null ? "bytes=-" + chunk : "bytes=" + offset + "-" + (offset + chunk - 1);
        long base = offset == null ? 0 : offset;
        StepKey key = new StepKey(repository.workspace(), repository.slug(), pipelineUuid, uuid(step.uuid()));
        return call(bitbucket.stepLog(key.upstream(), range, false, Read.LIVE))
                .onErrorResume(LogRangeException.class, past -> past.logSize() == null ? Mono.error(past)
                        : Mono.just(new LogSlice(past.logSize(), new byte[0], past.logSize())))
                // No log yet: the step has not written anything.
                .map(slice -> slice == LogSlice.NONE ? new LogSlice(base, new byte[0], base) : slice)
                .flatMap(slice -> {
                    byte[] bytes = slice.bytes();
                    int from = offset == null && slice.offset() > 0 ? Utf8.lineStart(bytes) : 0;
                    int to = Math.max(from, slice.wholeCharactersLength(complete));
                    long next = slice.offset() + to;
                    Mono<Void> published = Mono.empty();
                    if (to > from) {
                        poll.changed = true;
                        published = publish(new LogAppended(repository.workspace(), repository.slug(),
                                pipelineUuid, key.stepUuid(), slice.offset() + from,
                                Arrays.copyOfRange(bytes, from, to), false, slice.totalSize()));
                    }
                    boolean more = bytes.length > 0 && next < slice.totalSize();
                    if (more && readsLeft > 1) {
                        return published.then(followLog(pipelineUuid, step, memory.withLog(next, false), poll,
                                readsLeft - 1));
                    }
                    if (complete && !more) {
                        long size = Math.max(next, slice.totalSize());
                        return published
                                .then(publish(new LogAppended(repository.workspace(), repository.slug(),
                                        pipelineUuid, key.stepUuid(), next, new byte[0], true, size)))
                                .thenReturn(memory.withLog(next, true));
                    }
                    return published.thenReturn(memory.withLog(next, false));
                })
                .onErrorResume(error -> skip(error, "log of step " + key.stepUuid()).thenReturn(memory));
    }

    private Mono<Void> publishPipelineChanges(Poll poll) {
        List<WatchEvent> events = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        poll.seen.forEach((uuid, pipeline) -> {
            BitbucketState previous = pipelines.get(uuid);
            PipelineState state = PipelineState.from(pipeline.state());
            if (state.status() == PipelineStatus.RUNNING) {
                poll.running = true;
            }
            boolean isNew = previous == null && baselined && poll.listWanted;
            if (isNew || (previous != null && PipelineState.from(previous).status() != state.status())) {
                events.add(new PipelineChanged(repository.workspace(), repository.slug(), pipeline, previous,
                        clock.instant()));
                changed.add(uuid);
            }
            pipelines.put(uuid, pipeline.state());
        });
        // Newest first on the page; a reader expects older runs' news first.
        java.util.Collections.reverse(events);
        poll.changed |= !events.isEmpty();
        // Without the list, the next time it is read sees every run as new: it must be a baseline again.
        baselined = poll.listWanted;
        pipelines.entrySet().removeIf(entry -> !poll.seen.containsKey(entry.getKey())
                && !poll.followedPipelines.contains(entry.getKey())
                && (!poll.listWanted || completed(entry.getValue())));
        steps.values().removeIf(memory -> !poll.followedPipelines.contains(memory.pipelineUuid()));
        return dropCachedPipelines(poll, changed)
                .thenMany(Flux.fromIterable(events).concatMap(this::publish))
                .then();
    }

    /**
     * Before telling of a change, drops what the response cache holds of the changed pipelines and the repository's
     * pipelines listing (for every credential): a subscriber that selects more of the pipeline in the event
     * ({@code steps}, say) then reads it as it is now, not as cached a moment ago. The other pipelines' entries stay:
     * what has completed does not change. Each pipeline once a poll at most.
     */
    private Mono<Void> dropCachedPipelines(Poll poll, List<String> pipelineUuids) {
        boolean listingDropped = !poll.droppedPipelines.isEmpty();
        List<String> fresh = pipelineUuids.stream().filter(uuid -> !poll.droppedPipelines.contains(uuid)).toList();
        if (fresh.isEmpty()) {
            return Mono.empty();
        }
        poll.droppedPipelines.addAll(fresh);
        Mono<Void> listing = listingDropped ? Mono.empty()
                : bitbucket.forgetListing(repository.workspace(), repository.slug());
        return listing.thenMany(Flux.fromIterable(fresh).concatMap(uuid -> bitbucket.forgetPipeline(
                repository.workspace(), repository.slug(), uuid)))
                .then();
    }

    private Mono<Void> publish(WatchEvent event) {
        return bus.publish(event);
    }

    /** An upstream call that first waits for the workspace's budget. */
    private <T> Mono<T> call(Mono<T> upstream) {
        return budget().then(upstream);
    }

    private Mono<Void> budget() {
        return coordination.reserveCall(repository.workspace(), properties.callsPerMinute())
                // When the count cannot be kept, the call waits rather than risk the budget.
                .onErrorReturn(Duration.ofSeconds(1))
                .flatMap(wait -> wait.isZero() ? Mono.<Void>empty() : Mono.delay(wait).then(Mono.defer(this::budget)));
    }

    /**
     * A failure of one read is skipped (the next poll tries again), unless it says the credential may not read the
     * repository: that ends the poll, so the credential is no longer used.
     */
    private Mono<Void> skip(Throwable error, String what) {
        if (error instanceof GatewayException failure && (failure.code() == ErrorCode.UNAUTHENTICATED
                || failure.code() == ErrorCode.FORBIDDEN)) {
            return Mono.error(failure);
        }
        log.debug("Watcher of {} could not read {}: {}", repository, what, error.toString());
        return Mono.empty();
    }

    static String uuid(String uuid) {
        return Uuids.braced(uuid, "uuid");
    }

    /** Whether a pipeline or a step has completed: nothing of it changes any more. */
    static boolean completed(BitbucketState state) {
        return StateName.of(state).isCompleted();
    }

    private static boolean sameStep(BitbucketState a, BitbucketState b) {
        Step.State left = Step.State.from(a);
        Step.State right = Step.State.from(b);
        return left.name() == right.name() && java.util.Objects.equals(left.result(), right.result());
    }
}

package io.pipelinesgateway.subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pipelinesgateway.bitbucket.BitbucketAddresses;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.StateName;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.events.EventBus;
import io.pipelinesgateway.events.LogAppended;
import io.pipelinesgateway.events.PipelineChanged;
import io.pipelinesgateway.events.StepChanged;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineState;
import io.pipelinesgateway.pipeline.PipelineStatus;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.subscription.SubscriberBuffer.Overflow;
import io.pipelinesgateway.watch.WatchCredential;
import io.pipelinesgateway.watch.WatchInterest;
import io.pipelinesgateway.watch.Watchers;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The three subscriptions. Each one checks at its start that the subscriber's credential may read what it asks for,
 * the repository's pipelines included ({@link SubscriberAccess}), starts listening on the event bus before anything
 * else (so no event published from then on is missed), has the repository watched with the subscriber's credential
 * lent to the watcher, and hands the events, through its own bounded buffer, to the subscriber. When the subscriber leaves, all of that is undone:
 * a repository nobody follows any more is no longer polled.
 */
@Service
public class SubscriptionService {

    /** How many pipelines' last delivered status a pipeline subscription remembers, to drop repeated news. */
    private static final int REMEMBERED_PIPELINES = 1000;

    private final SubscriberAccess access;
    private final EventBus bus;
    private final Watchers watchers;
    private final PipelineEndpoints bitbucket;
    private final BitbucketAddresses addresses;
    private final SubscriptionProperties properties;
    private final SubscriptionShutdown shutdown;

    SubscriptionService(SubscriberAccess access, EventBus bus, Watchers watchers, PipelineEndpoints bitbucket,
            BitbucketAddresses addresses, SubscriptionProperties properties, SubscriptionShutdown shutdown) {
        this.access = access;
        this.bus = bus;
        this.watchers = watchers;
        this.bitbucket = bitbucket;
        this.addresses = addresses;
        this.properties = properties;
        this.shutdown = shutdown;
    }

    /**
     * The status changes of a repository's pipelines (or of every repository of the workspace whose pipelines the
     * subscriber can read), new runs included, optionally of one branch only.
     */
    public Flux<PipelineStatusEvent> pipelineStatusChanged(String workspace, String repository, String branch) {
        return Flux.deferContextual(context -> {
            WatchCredential credential = WatchCredential.from(context);
            Mono<List<RepositoryKey>> readable = repository == null || repository.isBlank()
                    ? access.repositories(workspace)
                    : access.repository(workspace, repository).map(List::of);
            return readable.flatMapMany(repositories -> {
                Set<RepositoryKey> followed = Set.copyOf(repositories);
                SubscriberBuffer buffer = new SubscriberBuffer(properties.bufferSize(), Overflow.CLOSE,
                        event -> event instanceof PipelineChanged changed
                                && followed.contains(changed.repositoryKey())
                                && onBranch(changed, branch));
                Map<String, PipelineStatus> delivered = lastDelivered();
                return Flux.usingWhen(
                        open(followed, followed.stream().<WatchInterest>map(WatchInterest.Pipelines::new).toList(),
                                buffer, credential),
                        held -> buffer.events()
                                .cast(PipelineChanged.class)
                                .map(this::pipelineEvent)
                                // After a watcher hand-over the same news can come twice: it is told once.
                                .filter(event -> delivered.put(event.pipeline().uuid(), event.status())
                                        != event.status()),
                        held -> Mono.fromRunnable(held::dispose));
            });
        });
    }

    /**
     * A pipeline's steps as they are when the subscription starts (each with no previous state), then each change of
     * their states, against the state the subscriber last had of the step; it completes once every step has
     * completed. Starting with the current states spares the subscriber a query, and a change made while the
     * subscription was being set up cannot slip by unseen.
     */
    public Flux<StepStatusEvent> stepStatusChanged(PipelineLocator locator) {
        return Flux.deferContextual(context -> {
            WatchCredential credential = WatchCredential.from(context);
            return access.pipeline(locator).flatMapMany(followed -> {
                RepositoryKey repository = followed.repository();
                SubscriberBuffer buffer = new SubscriberBuffer(properties.bufferSize(), Overflow.CLOSE,
                        event -> event instanceof StepChanged changed
                                && changed.repositoryKey().equals(repository)
                                && Uuids.same(changed.pipelineUuid(), followed.uuid()));
                return Flux.usingWhen(
                        open(List.of(repository), List.of(new WatchInterest.Steps(repository, followed.uuid())),
                                buffer, credential),
                        // Read after listening began: a change in between is then both in this and in an event,
                        // and the event, being no change against it, is not told twice.
                        held -> access.steps(repository, followed.uuid())
                                .flatMapMany(steps -> stepEvents(repository, followed.uuid(), steps, buffer)),
                        held -> Mono.fromRunnable(held::dispose));
            });
        });
    }

    /**
     * A step's log from {@code fromOffset} as it grows, in chunks with their offsets; it completes when the step
     * has completed and the whole log has been delivered.
     */
    public Flux<StepLogChunk> stepLogAppended(StepLocator locator, Integer fromOffset) {
        return Flux.deferContextual(context -> {
            long from = fromOffset == null ? 0 : fromOffset;
            if (from < 0) {
                return Flux.error(new GatewayException(ErrorCode.BAD_USER_INPUT,
                        "'fromOffset' must be 0 or more; it was " + from + "."));
            }
            WatchCredential credential = WatchCredential.from(context);
            return access.step(locator).flatMapMany(followed -> {
                RepositoryKey repository = followed.repository();
                String stepUuid = Uuids.braced(followed.step().uuid(), "uuid");
                StepKey key = new StepKey(repository.workspace(), repository.slug(), followed.pipelineUuid(),
                        stepUuid);
                String stepId = Step.from(key, followed.step()).id();
                if (completed(followed.step())) {
                    return new LogFollower(bitbucket, key, stepId, from, null).completed();
                }
                SubscriberBuffer buffer = new SubscriberBuffer(properties.bufferSize(), Overflow.DROP_LOG_CHUNKS,
                        event -> (event instanceof LogAppended appended && Uuids.same(appended.stepUuid(), stepUuid)
                                && appended.repositoryKey().equals(repository))
                                || (event instanceof StepChanged changed && changed.repositoryKey().equals(repository)
                                        && Uuids.same(changed.step().uuid(), stepUuid)));
                return Flux.usingWhen(
                        open(List.of(repository),
                                List.of(new WatchInterest.Log(repository, followed.pipelineUuid(), stepUuid)), buffer,
                                credential),
                        held -> new LogFollower(bitbucket, key, stepId, from, buffer).follow(),
                        held -> Mono.fromRunnable(held::dispose));
            });
        });
    }

    /**
     * Listens to the repositories' events (waiting until none can be missed), then has the interests watched; the
     * returned Disposable undoes both.
     */
    private Mono<Disposable> open(Collection<RepositoryKey> repositories, Collection<WatchInterest> interests,
            SubscriberBuffer buffer, WatchCredential credential) {
        Disposable.Composite held = Disposables.composite();
        shutdown.opened(buffer);
        held.add(() -> shutdown.closed(buffer));
        return Flux.fromIterable(repositories)
                .flatMap(repository -> bus.listen(repository, buffer::offer))
                .doOnNext(held::add)
                .then(Mono.fromSupplier(() -> {
                    interests.forEach(interest -> held.add(watchers.watch(interest, credential, buffer::end)));
                    return (Disposable) held;
                }))
                .doOnCancel(held::dispose)
                .doOnError(failure -> held.dispose());
    }

    private Flux<StepStatusEvent> stepEvents(RepositoryKey repository, String pipelineUuid,
            List<BitbucketStep> steps, SubscriberBuffer buffer) {
        Map<String, Step.State> known = new LinkedHashMap<>();
        steps.forEach(step -> known.put(Uuids.braced(step.uuid(), "uuid"), Step.State.from(step.state())));
        OffsetDateTime subscribedAt = time(null);
        Flux<StepStatusEvent> current = Flux.fromIterable(steps).map(step -> new StepStatusEvent(Step.from(
                new StepKey(repository.workspace(), repository.slug(), pipelineUuid,
                        Uuids.braced(step.uuid(), "uuid")), step), null, subscribedAt));
        if (!known.isEmpty() && allCompleted(known)) {
            return current;
        }
        record Seen(StepStatusEvent event, boolean allCompleted) {
        }
        return current.concatWith(buffer.events()
                .cast(StepChanged.class)
                .map(changed -> {
                    String stepUuid = Uuids.braced(changed.step().uuid(), "uuid");
                    Step.State now = Step.State.from(changed.step().state());
                    Step.State before = known.put(stepUuid, now);
                    boolean news = before == null || !before.name().equals(now.name())
                            || !Objects.equals(before.result(), now.result());
                    StepStatusEvent event = news ? new StepStatusEvent(Step.from(new StepKey(repository.workspace(),
                            repository.slug(), pipelineUuid, stepUuid), changed.step()), before,
                            time(changed.observedAt())) : null;
                    return new Seen(event, allCompleted(known));
                })
                .takeUntil(Seen::allCompleted)
                .filter(seen -> seen.event() != null)
                .map(Seen::event));
    }

    private PipelineStatusEvent pipelineEvent(PipelineChanged changed) {
        Pipeline pipeline = Pipeline.from(changed.workspace(), changed.repository(), changed.pipeline(),
                addresses.webUrl());
        return new PipelineStatusEvent(pipeline,
                changed.previous() == null ? null : PipelineState.from(changed.previous()),
                time(changed.observedAt()));
    }

    private boolean onBranch(PipelineChanged changed, String branch) {
        if (branch == null || branch.isBlank()) {
            return true;
        }
        Pipeline pipeline = Pipeline.from(changed.workspace(), changed.repository(), changed.pipeline(),
                addresses.webUrl());
        return pipeline.target() != null && branch.equals(pipeline.target().branch());
    }

    private static Map<String, PipelineStatus> lastDelivered() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PipelineStatus> eldest) {
                return size() > REMEMBERED_PIPELINES;
            }
        };
    }

    private static boolean allCompleted(Map<String, Step.State> known) {
        return known.values().stream().allMatch(state -> state.name().isCompleted());
    }

    private static boolean completed(BitbucketStep step) {
        return StateName.of(step.state()).isCompleted();
    }


    private static OffsetDateTime time(Instant instant) {
        return (instant == null ? Instant.now() : instant).atOffset(ZoneOffset.UTC);
    }
}

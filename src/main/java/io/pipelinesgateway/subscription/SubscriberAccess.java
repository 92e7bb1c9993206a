package io.pipelinesgateway.subscription;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.Credential;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.StepCoordinates;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.bitbucket.WorkspaceEndpoints;
import io.pipelinesgateway.cache.KeyedHash;
import io.pipelinesgateway.cache.ResponseCacheProperties;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.pipeline.PipelineNodeType;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.security.UpstreamCredentials;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.step.StepNodeType;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.function.Tuple2;

import org.springframework.stereotype.Component;

/**
 * Decides, when a subscription starts, what its subscriber may follow: it reads the repository's pipelines (and the
 * repository, and the pipeline or step) from Bitbucket as the subscriber (with its own credential, or in service mode
 * within its grants, with the workspace's), and refuses with the answer (UNAUTHENTICATED, FORBIDDEN or NOT_FOUND)
 * when a read fails. The pipelines' read is what admits: Bitbucket serves a repository to a credential that lacks
 * the pipelines scope, and refuses that credential every read below {@code pipelines/}, while the watcher would poll
 * for it with an earlier subscriber's credential. It is the newest pipeline, read past the cache, or no call where
 * that credential's own cache holds the newest-first listing's first page, fresh (a page that just listed the
 * pipelines): an answer it fetched itself, never what the shared tier holds
 * ({@link PipelineEndpoints#pipelinesReadable}). Where that credential's own reads proved its access to the
 * repository within the access window (a page's query just before it subscribes), the repository, pipeline and step
 * are read through the cache instead, as the shared tier trusts the same proof ({@link Read#LIVE_UNLESS_PROVEN}): a
 * page with live status then costs no call to check it. A pipeline or step read so may be a few seconds behind;
 * what it is about to do reaches the subscriber from the watcher, which reads Bitbucket as it is, and a completed
 * one is final.
 * <p>
 * This is checked once per subscription, not for every event: the events of a repository are the same for every
 * reader of it, and checking each one would cost an upstream call per subscriber per event, the very cost the
 * shared watcher exists to avoid. A credential that loses access later is noticed when the watcher polls with it,
 * which is a read of the pipelines too (its subscriptions then end with the reason); a subscription that lent
 * another credential keeps receiving the repository's events until it ends.
 * <p>
 * A repository's check is shared by the subscriptions of one credential: those that start together (a reconnect
 * storm after a deploy, a morning's portal tabs) share one check, and one that succeeded admits that credential for
 * {@code gateway.subscriptions.access-check-reuse}. The credential is known only by its keyed hash, and a refusal
 * is shared only by the checks that were waiting on the very call that was refused. A check ends with its verdict as a
 * value, a refusal included, which leaves the cache as soon as it is known: a refusal is the client's to hear, in its
 * answer and its access line, not the cache's to log as a failed load.
 */
@Component
class SubscriberAccess {

    /** A pipeline a subscriber may follow, as it was when the subscription started. */
    record FollowedPipeline(RepositoryKey repository, String uuid, BitbucketPipeline pipeline) {
    }

    /** A step a subscriber may follow, as it was when the subscription started. */
    record FollowedStep(RepositoryKey repository, String pipelineUuid, BitbucketStep step) {
    }

    /** What one check found: the repository it admits to, or the failure that refused it. */
    private record Verdict(RepositoryKey admitted, Throwable refusal) {

        static Mono<Verdict> of(Mono<RepositoryKey> check) {
            return check.map(repository -> new Verdict(repository, null))
                    .onErrorResume(failure -> Mono.just(new Verdict(null, failure)));
        }

        Mono<RepositoryKey> answer() {
            return refusal == null ? Mono.just(admitted) : Mono.error(refusal);
        }
    }

    /** Credentials are callers' to choose: the checks remembered are bounded. */
    private static final long MAX_CHECKS = 10_000;
    /** How many of a workspace's repositories are checked at once when a subscription follows them all. */
    private static final int WORKSPACE_CHECKS = 8;

    private final WorkspaceEndpoints workspaces;
    private final PipelineEndpoints pipelines;
    private final UpstreamCredentials credentials;
    /** Names the credential a check was made with, without holding it. */
    private final KeyedHash names;
    /** Checks in flight or recently passed, by credential's name and repository; a refused one is removed at once. */
    private final AsyncCache<String, Verdict> checks;

    SubscriberAccess(WorkspaceEndpoints workspaces, PipelineEndpoints pipelines, UpstreamCredentials credentials,
            ResponseCacheProperties cache, SubscriptionProperties properties) {
        this.workspaces = workspaces;
        this.pipelines = pipelines;
        this.credentials = credentials;
        this.names = new KeyedHash(cache.keySecret());
        this.checks = Caffeine.newBuilder()
                .expireAfterWrite(properties.accessCheckReuse())
                .maximumSize(MAX_CHECKS)
                .buildAsync();
    }

    /**
     * The repository, under the slugs Bitbucket gives it, if the subscriber may read its pipelines: the repository's
     * read and the pipelines' ({@link PipelineEndpoints#pipelinesReadable}), made at once.
     */
    Mono<RepositoryKey> repository(String workspace, String slug) {
        return Mono.deferContextual(context -> {
            String owner = required(workspace, "workspace");
            String name = required(slug, "repository");
            // Both answers are waited for: a refused repository usually fails both reads, and the second failure,
            // come after a zip that had cancelled its read on the first, was dropped and logged as an ERROR.
            return shared(context, checkName(context, owner, name), () -> Mono.zipDelayError(
                            workspaces.repository(owner, name, Read.LIVE_UNLESS_PROVEN)
                                    .map(repository -> RepositoryKey.named(new RepositoryKey(owner, name),
                                            repository)),
                            pipelines.pipelinesReadable(owner, name).thenReturn(Boolean.TRUE))
                    .map(Tuple2::getT1)
                    .onErrorMap(Exceptions::isMultiple, both -> Exceptions.unwrapMultiple(both).get(0)));
        });
    }

    /**
     * The repositories of a workspace, as listed now, whose pipelines the subscriber may read: each checked as
     * {@link #repository} checks one (the listing already read the repository), those Bitbucket refuses left out. When
     * it refuses them all, the subscription is refused as the first of them was.
     */
    Mono<List<RepositoryKey>> repositories(String workspace) {
        return Mono.deferContextual(context -> {
            String owner = required(workspace, "workspace");
            return workspaces.repositoriesNow(owner).flatMap(listed -> {
                List<RepositoryKey> keys = listed.stream()
                        .map(repository -> RepositoryKey.named(new RepositoryKey(owner, repository.slug()),
                                repository)).distinct().toList();
                List<GatewayException> refusals = new CopyOnWriteArrayList<>();
                return Flux.fromIterable(keys)
                        .flatMapSequential(key -> listedRepository(context, key)
                                .onErrorResume(GatewayException.class, failure -> {
                                    if (!refusal(failure)) {
                                        return Mono.error(failure);
                                    }
                                    refusals.add(failure);
                                    return Mono.empty();
                                }), WORKSPACE_CHECKS)
                        .collectList()
                        .flatMap(readable -> readable.isEmpty() && !refusals.isEmpty()
                                ? Mono.error(refusals.get(0)) : Mono.just(readable));
            });
        });
    }

    /** The pipeline {@code locator} names, by its {@code id}, other fields or both, if the subscriber may follow it. */
    Mono<FollowedPipeline> pipeline(PipelineLocator locator) {
        return Mono.defer(() -> followed(pipelineKey(locator), locator.buildNumber()));
    }

    /** The step {@code locator} names, by its {@code id}, its other fields or both, if the subscriber may follow it. */
    Mono<FollowedStep> step(StepLocator locator) {
        return Mono.defer(() -> {
            String[] coordinates = stepCoordinates(locator);
            PipelineKey pipeline = PipelineKey.of(coordinates[0], coordinates[1], coordinates[2],
                    coordinates[2] == null ? locator.buildNumber() : null);
            String stepUuid = coordinates[3];
            return followed(pipeline, locator.buildNumber()).flatMap(followed -> pipelines.step(
                            new StepCoordinates(followed.repository().workspace(), followed.repository().slug(),
                                    followed.uuid(), stepUuid), Read.LIVE_UNLESS_PROVEN)
                    .map(step -> new FollowedStep(followed.repository(), followed.uuid(), step)));
        });
    }

    /** A pipeline's steps as they are now, read with the subscriber's credential. */
    Mono<List<BitbucketStep>> steps(RepositoryKey repository, String pipelineUuid) {
        return pipelines.stepsNow(repository.workspace(), repository.slug(), pipelineUuid);
    }

    /**
     * The pipeline {@code key} names, if the subscriber may follow it. A {@code buildNumber} given beside an
     * {@code id} (which names the pipeline by its UUID) must be the build number of the pipeline the id names: it is
     * compared with the pipeline's read, which the subscription makes anyway, so it costs no call of its own.
     */
    private Mono<FollowedPipeline> followed(PipelineKey key, Integer buildNumber) {
        return repository(key.workspace(), key.repository()).flatMap(repository -> pipelines.pipeline(
                        repository.workspace(), repository.slug(), key.id(), Read.LIVE_UNLESS_PROVEN)
                .map(pipeline -> {
                    if (buildNumber != null) {
                        agrees(String.valueOf(buildNumber), String.valueOf(pipeline.buildNumber()), "buildNumber");
                    }
                    return new FollowedPipeline(repository, Uuids.braced(pipeline.uuid(), "uuid"), pipeline);
                }));
    }

    /**
     * A repository a workspace's listing named, if the subscriber may read its pipelines: checked, and the check
     * shared, as {@link #repository} checks one, with no read of the repository, which the listing has just made.
     */
    private Mono<RepositoryKey> listedRepository(ContextView context, RepositoryKey repository) {
        return shared(context, checkName(context, repository.workspace(), repository.slug()),
                () -> pipelines.pipelinesReadable(repository.workspace(), repository.slug()).thenReturn(repository));
    }

    /**
     * The verdict of the check named {@code name}: the one in flight or recently passed, or {@code check}, made now
     * with the subscriber's context. The others that wait for it do not cancel it, and a refusal leaves the cache as
     * soon as it is known, whether or not anyone still waits for it.
     */
    private Mono<RepositoryKey> shared(ContextView context, String name, Supplier<Mono<RepositoryKey>> check) {
        CompletableFuture<Verdict> verdict = checks.get(name, (ignored, executor) -> Verdict.of(check.get())
                .contextWrite(Context.of(context))
                .toFuture());
        verdict.thenAccept(found -> {
            if (found.refusal() != null) {
                checks.asMap().remove(name, verdict);
            }
        });
        return Mono.fromFuture(verdict, true).flatMap(Verdict::answer);
    }

    /**
     * Names a check of {@code workspace/slug} by the credential that would be sent (in service mode, once the caller's
     * grants allow it), without holding it.
     */
    private String checkName(ContextView context, String workspace, String slug) {
        Credential credential = credentials.credentialFor(context, workspace, false);
        return (credential == null ? "anonymous" : credential.nameUnder(names)) + "@" + workspace + "/" + slug;
    }

    /** Bitbucket's verdict that the credential may not read it, as a refusal has it. */
    private static boolean refusal(GatewayException failure) {
        return failure.code() == ErrorCode.UNAUTHENTICATED || failure.code() == ErrorCode.FORBIDDEN
                || failure.code() == ErrorCode.NOT_FOUND;
    }

    private static PipelineKey pipelineKey(PipelineLocator locator) {
        if (locator == null) {
            throw badInput("Give the pipeline's 'id', or its 'workspace', 'repository' and 'uuid' or 'buildNumber'.");
        }
        if (locator.id() == null) {
            return PipelineKey.of(required(locator.workspace(), "workspace"),
                    required(locator.repository(), "repository"), locator.uuid(), locator.buildNumber());
        }
        GlobalId id = GlobalId.decode(locator.id());
        if (!id.type().equals(PipelineNodeType.ID.type())) {
            throw badInput("'id' must be the 'id' of a Pipeline; it is the ID of a " + id.type() + ".");
        }
        PipelineKey named = PipelineNodeType.ID.decode(id, "id");
        String workspace = named.workspace();
        String repository = named.repository();
        String uuid = Uuids.braced(named.id(), "id");
        agrees(locator.workspace(), workspace, "workspace");
        agrees(locator.repository(), repository, "repository");
        if (locator.uuid() != null) {
            agrees(Uuids.braced(locator.uuid(), "uuid"), uuid, "uuid");
        }
        return new PipelineKey(workspace, repository, uuid);
    }

    /** Workspace, repository, pipeline UUID (null when given by build number) and step UUID. */
    private static String[] stepCoordinates(StepLocator locator) {
        if (locator == null) {
            throw badInput("Give the step's 'id', or its 'workspace', 'repository', 'pipelineUuid' or 'buildNumber',"
                    + " and 'uuid'.");
        }
        if (locator.id() == null) {
            String workspace = required(locator.workspace(), "workspace");
            String repository = required(locator.repository(), "repository");
            String stepUuid = Uuids.braced(required(locator.uuid(), "uuid"), "uuid");
            if ((locator.pipelineUuid() == null) == (locator.buildNumber() == null)) {
                throw badInput("Give exactly one of 'pipelineUuid' and 'buildNumber' to say which pipeline the "
                        + "step belongs to.");
            }
            String pipelineUuid = locator.pipelineUuid() == null ? null
                    : Uuids.braced(locator.pipelineUuid(), "pipelineUuid");
            return new String[] {workspace, repository, pipelineUuid, stepUuid};
        }
        GlobalId id = GlobalId.decode(locator.id());
        if (!id.type().equals(StepNodeType.ID.type())) {
            throw badInput("'id' must be the 'id' of a Step; it is the ID of a " + id.type() + ".");
        }
        StepKey named = StepNodeType.ID.decode(id, "id");
        String workspace = named.workspace();
        String repository = named.repository();
        String pipelineUuid = Uuids.braced(named.pipelineUuid(), "id");
        String stepUuid = Uuids.braced(named.stepUuid(), "id");
        agrees(locator.workspace(), workspace, "workspace");
        agrees(locator.repository(), repository, "repository");
        if (locator.pipelineUuid() != null) {
            agrees(Uuids.braced(locator.pipelineUuid(), "pipelineUuid"), pipelineUuid, "pipelineUuid");
        }
        if (locator.uuid() != null) {
            agrees(Uuids.braced(locator.uuid(), "uuid"), stepUuid, "uuid");
        }
        return new String[] {workspace, repository, pipelineUuid, stepUuid};
    }

    private static void agrees(String given, String fromId, String field) {
        if (given != null && !Objects.equals(given, fromId)) {
            throw badInput("'" + field + "' (" + given + ") does not match the object 'id' names (" + fromId
                    + "); give one of them, or both alike.");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw badInput("'" + field + "' is required.");
        }
        return value;
    }

    private static GatewayException badInput(String message) {
        return new GatewayException(ErrorCode.BAD_USER_INPUT, message);
    }
}

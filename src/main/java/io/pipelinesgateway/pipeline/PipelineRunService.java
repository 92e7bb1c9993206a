package io.pipelinesgateway.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.pipelinesgateway.bitbucket.BitbucketAddresses;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketRunRequest;
import io.pipelinesgateway.bitbucket.BitbucketTarget;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.repository.RepositoryService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Runs and stops pipelines. */
@Service
class PipelineRunService {

    /** How far Bitbucket's clock may be behind the gateway's when a run that timed out is looked for. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** How many of the newest pipelines are looked at for it. */
    private static final int NEWEST = 10;

    private final PipelineEndpoints bitbucket;
    private final BitbucketAddresses addresses;
    private final PipelineService pipelines;
    private final RepositoryService repositories;

    PipelineRunService(PipelineEndpoints bitbucket, BitbucketAddresses addresses, PipelineService pipelines,
            RepositoryService repositories) {
        this.bitbucket = bitbucket;
        this.addresses = addresses;
        this.pipelines = pipelines;
        this.repositories = repositories;
    }

    /**
     * Starts a pipeline; Bitbucket answers with the new pipeline, pending. When that answer does not come in time,
     * Bitbucket may still have started it: the newest pipelines are then looked at once for one on the same target
     * created since the request, which is answered as the run; failing that, UPSTREAM_OUTCOME_UNKNOWN says where to
     * look before running it again. A repository named by UUID is run by its slugs ({@link RepositoryService#bySlugs}),
     * so the run evicts and announces the listing its readers keep; the run is named by the repository its answer
     * gives, as a pipeline read is.
     */
    Mono<PipelinePayload> run(RunInputs.Run input) {
        RepositoryKey asked = input.repositoryKey();
        BitbucketRunRequest body = input.body();
        return UserError.recover(repositories.bySlugs(asked).flatMap(repository -> {
                    Instant requested = Instant.now();
                    return bitbucket.run(repository.workspace(), repository.slug(), body)
                            .onErrorResume(PipelineRunService::outcomeUnknown, unknown -> startedSince(repository,
                                    body.target(), requested)
                                    .switchIfEmpty(Mono.error(() -> notSeenYet(repository))))
                            .map(created -> PipelinePayload.of(Pipeline.from(repository, created,
                                    addresses.webUrl())));
                }),
                "input.target", PipelinePayload::rejected);
    }

    /** The newest pipeline on {@code target} created since {@code requested} (allowing for clock skew), if any. */
    private Mono<BitbucketPipeline> startedSince(RepositoryKey repository, BitbucketTarget target,
            Instant requested) {
        Instant since = requested.minus(CLOCK_SKEW);
        return bitbucket.newestPipelinesNow(repository.workspace(), repository.slug(), NEWEST)
                .flatMap(newest -> Mono.justOrEmpty(newest.stream()
                        .filter(pipeline -> pipeline.createdOn() != null
                                && !pipeline.createdOn().toInstant().isBefore(since)
                                && sameTarget(target, pipeline.target()))
                        .findFirst()))
                .onErrorResume(GatewayException.class, unreadable -> Mono.empty());
    }

    /** Whether a listed pipeline's target is the one that was asked to run: its ref, pull request or commit. */
    private static boolean sameTarget(BitbucketTarget sent, BitbucketTarget found) {
        if (found == null) {
            return false;
        }
        if (sent.selector() != null && (found.selector() == null
                || !Objects.equals(sent.selector().pattern(), found.selector().pattern()))) {
            return false;
        }
        if (sent.refName() != null) {
            return sent.refName().equals(found.refName());
        }
        if (sent.pullrequest() != null) {
            return found.pullrequest() != null && Objects.equals(sent.pullrequest().id(), found.pullrequest().id());
        }
        return sent.commit() != null && found.commit() != null && found.commit().hash() != null
                && found.commit().hash().startsWith(sent.commit().hash());
    }

    private static boolean outcomeUnknown(Throwable error) {
        return error instanceof GatewayException failure && failure.code() == ErrorCode.UPSTREAM_OUTCOME_UNKNOWN;
    }

    private static GatewayException notSeenYet(RepositoryKey repository) {
        return new GatewayException(ErrorCode.UPSTREAM_OUTCOME_UNKNOWN, "Bitbucket did not answer in time whether it "
                + "started the pipeline, and none on that target is listed since the request yet. Look at the newest "
                + "pipelines of " + repository.workspace() + "/" + repository.slug() + " (repository(workspace: \""
                + repository.workspace() + "\", slug: \"" + repository.slug() + "\") { pipelines }) before "
                + "running it again, or it may run twice.");
    }

    /**
     * Signals a pipeline to stop, then reads it again: Bitbucket answers the signal with no body, and the pipeline
     * shows the stop once its running step has been halted.
     */
    Mono<PipelinePayload> stop(RunInputs.Stop input) {
        PipelineKey key = input.pipelineKey();
        return UserError.recover(bitbucket.stop(key.workspace(), key.repository(), key.id())
                        .then(Mono.defer(() -> pipelines.pipeline(key)))
                        .map(PipelinePayload::of),
                "input.id", PipelinePayload::rejected);
    }
}

package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketRunRequest;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;

/** Runs and stops pipelines. */
@Service
class PipelineRunService {

    private final BitbucketClient client;
    private final PipelineService pipelines;

    PipelineRunService(BitbucketClient client, PipelineService pipelines) {
        this.client = client;
        this.pipelines = pipelines;
    }

    /** Starts a pipeline; Bitbucket answers with the new pipeline, pending. */
    Mono<PipelinePayload> run(RunInputs.Run input) {
        RepositoryKey repository = input.repositoryKey();
        BitbucketRunRequest body = input.body();
        UpstreamRequest request = UpstreamRequest.of("pipelines", "repositories", repository.workspace(),
                repository.slug(), "pipelines", "");
        return UserError.recover(client.send(HttpMethod.POST, request, body, BitbucketPipeline.class)
                        .map(created -> PipelinePayload.of(Pipeline.from(repository.workspace(), repository.slug(),
                                created, client.webUrl()))),
                "input.target", PipelinePayload::rejected);
    }

    /**
     * Signals a pipeline to stop, then reads it again: Bitbucket answers the signal with no body, and the pipeline
     * shows the stop once its running step has been halted.
     */
    Mono<PipelinePayload> stop(RunInputs.Stop input) {
        PipelineKey key = input.pipelineKey();
        UpstreamRequest request = UpstreamRequest.of("stop_pipeline", "repositories", key.workspace(),
                key.repository(), "pipelines", key.id(), "stopPipeline");
        return UserError.recover(client.send(HttpMethod.POST, request, null, Void.class)
                        .then(Mono.defer(() -> pipelines.pipeline(key)))
                        .map(PipelinePayload::of),
                "input.id", PipelinePayload::rejected);
    }
}

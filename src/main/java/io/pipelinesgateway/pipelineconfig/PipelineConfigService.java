package io.pipelinesgateway.pipelineconfig;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketBuildNumber;
import io.pipelinesgateway.bitbucket.BitbucketPipelinesConfig;
import io.pipelinesgateway.bitbucket.ConfigurationEndpoints;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads and changes a repository's Pipelines settings: whether Pipelines runs, and the next build number. */
@Service
class PipelineConfigService {

    private final ConfigurationEndpoints bitbucket;

    PipelineConfigService(ConfigurationEndpoints bitbucket) {
        this.bitbucket = bitbucket;
    }

    /** The repository's configuration; disabled where Pipelines was never set up, as Bitbucket's own page shows it. */
    Mono<PipelinesConfiguration> configuration(RepositoryKey repository) {
        return bitbucket.pipelinesConfig(repository.workspace(), repository.slug())
                .map(PipelineConfigService::configuration)
                .defaultIfEmpty(new PipelinesConfiguration(false));
    }

    Mono<ConfigPayloads.Enabled> setEnabled(ConfigInputs.SetEnabled input) {
        RepositoryKey repository = input.repositoryKey();
        return UserError.recover(bitbucket.setPipelinesConfig(repository.workspace(), repository.slug(),
                                input.body())
                        .map(saved -> new ConfigPayloads.Enabled(new PipelinesConfiguration(
                                saved.enabled() != null ? saved.enabled() : input.body().enabled()), List.of())),
                "input.enabled", ConfigPayloads.Enabled::rejected);
    }

    /**
     * Sets the number the next pipeline gets. Bitbucket only accepts a number higher than the latest build's, and
     * its refusal is turned into a message that says so.
     */
    Mono<ConfigPayloads.BuildNumber> setNextBuildNumber(ConfigInputs.SetNextBuildNumber input) {
        RepositoryKey repository = input.repositoryKey();
        BitbucketBuildNumber body = input.body();
        return UserError.recover(bitbucket.setNextBuildNumber(repository.workspace(), repository.slug(), body)
                        .map(saved -> new ConfigPayloads.BuildNumber(saved.next(), List.of())),
                "input.next", rejection -> "'input.next' (" + body.next() + ") must be higher than the latest build "
                        + "number of " + repository.workspace() + "/" + repository.slug() + ". "
                        + rejection.getMessage(),
                ConfigPayloads.BuildNumber::rejected);
    }

    private static PipelinesConfiguration configuration(BitbucketPipelinesConfig config) {
        return new PipelinesConfiguration(config.enabled());
    }
}

package io.pipelinesgateway.pipelineconfig;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketBuildNumber;
import io.pipelinesgateway.bitbucket.BitbucketPipelinesConfig;
import io.pipelinesgateway.bitbucket.ConfigurationEndpoints;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.repository.RepositoryService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads and changes a repository's Pipelines settings: whether Pipelines runs, and the next build number. */
@Service
class PipelineConfigService {

    private final ConfigurationEndpoints bitbucket;
    private final RepositoryService repositories;

    PipelineConfigService(ConfigurationEndpoints bitbucket, RepositoryService repositories) {
        this.bitbucket = bitbucket;
        this.repositories = repositories;
    }

    /** The repository's configuration; disabled where Pipelines was never set up, as Bitbucket's own page shows it. */
    Mono<PipelinesConfiguration> configuration(RepositoryKey repository) {
        return bitbucket.pipelinesConfig(repository.workspace(), repository.slug())
                .map(PipelineConfigService::configuration)
                .defaultIfEmpty(new PipelinesConfiguration(false));
    }

    Mono<ConfigPayloads.Enabled> setEnabled(ConfigInputs.SetEnabled input) {
        BitbucketPipelinesConfig body = input.body();
        return UserError.recover(repositories.bySlugs(input.repositoryKey())
                        .flatMap(repository -> bitbucket.setPipelinesConfig(repository.workspace(),
                                repository.slug(), body))
                        .map(saved -> new ConfigPayloads.Enabled(new PipelinesConfiguration(
                                saved.enabled() != null ? saved.enabled() : body.enabled()), List.of())),
                "input.enabled", ConfigPayloads.Enabled::rejected);
    }

    /**
     * Sets the number the next pipeline gets. Bitbucket only accepts a number higher than the latest build's, and
     * its refusal is turned into a message that says so.
     */
    Mono<ConfigPayloads.BuildNumber> setNextBuildNumber(ConfigInputs.SetNextBuildNumber input) {
        RepositoryKey asked = input.repositoryKey();
        BitbucketBuildNumber body = input.body();
        return UserError.recover(repositories.bySlugs(asked)
                        .flatMap(repository -> bitbucket.setNextBuildNumber(repository.workspace(),
                                repository.slug(), body))
                        .map(saved -> new ConfigPayloads.BuildNumber(saved.next(), List.of())),
                "input.next", rejection -> "'input.next' (" + body.next() + ") must be higher than the latest build "
                        + "number of " + asked.workspace() + "/" + asked.slug() + ". "
                        + rejection.getMessage(),
                ConfigPayloads.BuildNumber::rejected);
    }

    private static PipelinesConfiguration configuration(BitbucketPipelinesConfig config) {
        return new PipelinesConfiguration(config.enabled());
    }
}

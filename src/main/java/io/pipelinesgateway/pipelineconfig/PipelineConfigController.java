package io.pipelinesgateway.pipelineconfig;

import io.pipelinesgateway.repository.Repository;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a repository's Pipelines settings and the mutations that change them. */
@Controller
class PipelineConfigController {

    private final PipelineConfigService config;

    PipelineConfigController(PipelineConfigService config) {
        this.config = config;
    }

    @SchemaMapping(typeName = "Repository")
    Mono<PipelinesConfiguration> pipelinesConfiguration(Repository repository) {
        return config.configuration(repository.key());
    }

    @MutationMapping
    Mono<ConfigPayloads.Enabled> setPipelinesEnabled(@Argument ConfigInputs.SetEnabled input) {
        return config.setEnabled(input);
    }

    @MutationMapping
    Mono<ConfigPayloads.BuildNumber> setNextBuildNumber(@Argument ConfigInputs.SetNextBuildNumber input) {
        return config.setNextBuildNumber(input);
    }
}

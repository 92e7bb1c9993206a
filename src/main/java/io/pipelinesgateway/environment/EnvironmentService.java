package io.pipelinesgateway.environment;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketEnvironment;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.RepositoryItem;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a repository's deployment environments, whose variables the variable service serves. */
@Service
public class EnvironmentService {

    private final BitbucketClient client;

    EnvironmentService(BitbucketClient client) {
        this.client = client;
    }

    Mono<Connection<DeploymentEnvironment>> environments(String workspace, String repository, PageRequest page) {
        UpstreamRequest request = UpstreamRequest.of("environments", "repositories", workspace, repository,
                "environments", "");
        return client.window(request, BitbucketEnvironment.class, page.offset(), page.first(), any -> true, false)
                .map(window -> Connection.of(window, page.offset(),
                        environment -> DeploymentEnvironment.from(workspace, repository, environment)));
    }

    /** The environment a global ID names. */
    Mono<DeploymentEnvironment> environment(RepositoryItem item) {
        UpstreamRequest request = UpstreamRequest.of("environment", "repositories", item.workspace(),
                item.repository(), "environments", item.uuid());
        return client.get(request, BitbucketEnvironment.class)
                .map(environment -> DeploymentEnvironment.from(item.workspace(), item.repository(), environment));
    }
}

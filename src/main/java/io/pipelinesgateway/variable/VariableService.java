package io.pipelinesgateway.variable;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketVariable;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads Pipelines variables configured on a workspace. */
@Service
class VariableService {

    private final BitbucketClient client;

    VariableService(BitbucketClient client) {
        this.client = client;
    }

    Mono<Connection<PipelineVariable>> workspaceVariables(String workspace, PageRequest page) {
        UpstreamRequest request = UpstreamRequest.of("workspace_variables", "workspaces", workspace,
                "pipelines-config", "variables");
        return client.window(request, BitbucketVariable.class, page.offset(), page.first(), any -> true, false)
                .map(window -> Connection.of(window, page.offset(), PipelineVariable::from));
    }
}

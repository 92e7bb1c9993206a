package io.pipelinesgateway.ssh;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.NodeType;
import io.pipelinesgateway.repository.RepositoryItem;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Known hosts as {@code node} finds them: by workspace, repository and UUID, read one at a time. */
@Component
class KnownHostNodeType implements NodeType<RepositoryItem> {

    static final GlobalIdFormat<RepositoryItem> ID = RepositoryItem.globalIdFormat("KnownHost");

    private final SshService ssh;

    KnownHostNodeType(SshService ssh) {
        this.ssh = ssh;
    }

    @Override
    public GlobalIdFormat<RepositoryItem> id() {
        return ID;
    }

    @Override
    public Mono<KnownHost> load(RepositoryItem item, DataFetchingEnvironment environment) {
        return ssh.knownHost(item);
    }
}

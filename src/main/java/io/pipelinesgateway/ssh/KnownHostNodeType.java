package io.pipelinesgateway.ssh;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.ServiceNodeType;
import io.pipelinesgateway.repository.RepositoryItem;

import org.springframework.stereotype.Component;

/** Known hosts as {@code node} finds them: by workspace, repository and UUID, read one at a time. */
@Component
class KnownHostNodeType extends ServiceNodeType<RepositoryItem> {

    static final GlobalIdFormat<RepositoryItem> ID = RepositoryItem.globalIdFormat("KnownHost");

    KnownHostNodeType(SshService ssh) {
        super(ID, ssh::knownHost);
    }
}

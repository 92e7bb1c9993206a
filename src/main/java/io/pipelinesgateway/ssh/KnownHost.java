package io.pipelinesgateway.ssh;

import io.pipelinesgateway.bitbucket.BitbucketKnownHost;
import io.pipelinesgateway.bitbucket.BitbucketSshPublicKey;
import io.pipelinesgateway.repository.RepositoryItem;

/** A known host as the schema shows it, located by its repository. */
public record KnownHost(RepositoryItem item, String hostname, BitbucketSshPublicKey publicKey) {

    static KnownHost from(String workspace, String repository, BitbucketKnownHost host) {
        return new KnownHost(new RepositoryItem(workspace, repository, host.uuid()), host.hostname(),
                host.publicKey());
    }

    public String id() {
        return KnownHostNodeType.ID.encode(item);
    }

    public String uuid() {
        return item.uuid();
    }
}

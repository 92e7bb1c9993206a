package io.pipelinesgateway.repository;

import java.util.Arrays;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.NodeType;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Repositories as {@code node} finds them: by workspace and slug, through the DataLoader of repositories. */
@Component
class RepositoryNodeType implements NodeType<RepositoryKey> {

    /** A repository's ID: its workspace's slug and its own. */
    static final GlobalIdFormat<RepositoryKey> ID = GlobalIdFormat.of("Repository", 2,
            key -> Arrays.asList(key.workspace(), key.slug()),
            (parts, field) -> new RepositoryKey(parts.get(0), parts.get(1)));

    @Override
    public GlobalIdFormat<RepositoryKey> id() {
        return ID;
    }

    @Override
    public Mono<Repository> load(RepositoryKey key, DataFetchingEnvironment environment) {
        return Mono.fromFuture(Loaders.load(environment, Repository.class, key));
    }
}

package io.pipelinesgateway.support;

import java.util.Map;

import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.workspace.Workspace;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Adds {@code RepositoryController} to a controller slice whose fields hang below a repository or its workspace, and
 * serves the DataLoaders of repositories and workspaces with {@link #API} and its workspace {@code acme}, so a query
 * reaches them from {@code Query.repository}; the test gives a {@code RepositoryService} double.
 */
@TestConfiguration
@ComponentScan(basePackages = "io.pipelinesgateway.repository", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "io\\.pipelinesgateway\\.repository\\.RepositoryController"))
public class RepositoryEntryPoint {

    /** acme/api, the one repository the slice serves. */
    public static final RepositoryKey API = new RepositoryKey("acme", "api");

    /** The query that reaches acme/api; its {@code FIELDS} are replaced by the fields under test. */
    public static final String REPOSITORY = "{ repository(workspace: \"acme\", slug: \"api\") { FIELDS } }";

    @Bean
    SliceUpstream sliceUpstream(Loaders loaders) {
        return new SliceUpstream(loaders)
                .serves(RepositoryKey.class, Repository.class, Map.of(API, new Repository("acme", "api", "{r}", "API",
                        null, true, "main", "java", null, "https://bitbucket.org/acme/api")))
                .serves(String.class, Workspace.class, Map.of("acme", new Workspace("{w}", "acme", "Acme", true, null,
                        "https://bitbucket.org/acme", null)));
    }
}

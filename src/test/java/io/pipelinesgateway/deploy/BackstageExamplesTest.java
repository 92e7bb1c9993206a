package io.pipelinesgateway.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.pipelinesgateway.deploy.Manifests.at;
import static io.pipelinesgateway.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backstage snippets under {@code examples/backstage/} parse, proxy to the gateway's GraphQL endpoint, and
 * annotate a component with a repository in the {@code <workspace>/<repo-slug>} form the guide splits.
 */
class BackstageExamplesTest {

    private static final Path BACKSTAGE = Path.of("examples/backstage");

    @Test
    void theProxyEndpointForwardsToTheGatewaysGraphQlPathWithABitbucketCredential() {
        Map<String, Object> endpoint = map(at(Manifests.documents(BACKSTAGE.resolve("app-config.yaml")).get(0),
                "proxy.endpoints"));
        Map<String, Object> gateway = map(endpoint.get("/pipelines-gateway"));
        assertThat((String) gateway.get("target")).endsWith("/graphql");
        assertThat(gateway.get("credentials")).isEqualTo("require");
        assertThat((String) at(gateway, "headers.Authorization")).startsWith("Bearer ${");
    }

    @Test
    void theCatalogComponentNamesItsRepositoryAsWorkspaceSlashSlug() {
        List<Map<String, Object>> entities = Manifests.documents(BACKSTAGE.resolve("catalog-info.yaml"));
        assertThat(entities).extracting(entity -> entity.get("kind")).containsExactly("Component", "API");
        Object repository = at(entities.get(0), "metadata.annotations");
        assertThat((String) map(repository).get("pipelines-gateway.io/repository"))
                .matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    }
}

package io.pipelinesgateway.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's web links (workspaces, repositories, pipelines) point at the port the server actually bound, which
 * is known only after start-up: a link bound earlier would name port 0 when the port is chosen at random.
 */
@SandboxTest
class SandboxLinksOpenOnTheServersOwnPortTest {

    @LocalServerPort
    int port;

    @Test
    void everyWebLinkNamesThePortTheServerBound() {
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql").build());
        GraphQlTester.Traversable links = graphQl.document("""
                { workspace(slug: "acme") { webUrl }
                  repository(workspace: "acme", slug: "api") { webUrl pipelines(first: 1) { nodes { webUrl } } } }
                """).execute().errors().verify();

        String root = "http://127.0.0.1:" + port + "/sandbox/web/acme";
        links.path("workspace.webUrl").entity(String.class).satisfies(url -> assertThat(url).startsWith(root));
        links.path("repository.webUrl").entity(String.class).isEqualTo(root + "/api");
        links.path("repository.pipelines.nodes[0].webUrl").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith(root + "/api/pipelines/results/"));
    }
}

package io.pipelinesgateway.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web links the gateway builds itself (a pipeline's) point at the port the sandbox's server actually bound, which
 * is known only after start-up: a link bound earlier would name port 0 when the port is chosen at random. (Links
 * Bitbucket sends, a workspace's or a repository's, are read from its answers, which a Redis shared by several test
 * servers may hold from another one's port.)
 */
@SandboxTest
class SandboxLinksOpenOnTheServersOwnPortTest {

    @LocalServerPort
    int port;

    @Test
    void aPipelinesWebLinkNamesThePortTheServerBound() {
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql").build());
        GraphQlTester.Traversable links = graphQl.document("""
                { repository(workspace: "acme", slug: "api") { pipelines(first: 1) { nodes { webUrl } } } }
                """).execute().errors().verify();

        String root = "http://127.0.0.1:" + port + "/sandbox/web/acme";
        links.path("repository.pipelines.nodes[0].webUrl").entity(String.class)
                .satisfies(url -> assertThat(url).startsWith(root + "/api/pipelines/results/"));
    }
}

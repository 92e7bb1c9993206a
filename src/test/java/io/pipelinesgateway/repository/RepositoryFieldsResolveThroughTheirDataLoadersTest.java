package io.pipelinesgateway.repository;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.SliceUpstream;
import io.pipelinesgateway.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code RepositoryController} alone: {@code repository} reads through the DataLoader of repositories, a
 * repository's workspace through that of workspaces, a workspace's repositories page the service's list by their
 * arguments, and a malformed slug is BAD_USER_INPUT on its argument before any load.
 */
@ControllerSliceTest
@Import({RepositoryController.class, RepositoryFieldsResolveThroughTheirDataLoadersTest.Upstream.class})
class RepositoryFieldsResolveThroughTheirDataLoadersTest {

    private static final RepositoryKey API = new RepositoryKey("acme", "api");
    private static final Repository REPOSITORY = new Repository("acme", "api", "{r}", "API", null, true, "main",
            "java", null, "https://bitbucket.org/acme/api");

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @MockitoBean
    private RepositoryService repositories;

    @TestConfiguration
    static class Upstream {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            return new SliceUpstream(loaders)
                    .serves(RepositoryKey.class, Repository.class, Map.of(API, REPOSITORY))
                    .serves(String.class, Workspace.class, Map.of("acme", new Workspace("{w}", "acme", "Acme", true,
                            null, "https://bitbucket.org/acme", null)));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void aRepositoryAndItsWorkspaceAreEachLoadedOnceByKey() {
        graphQl.document("""
                        {
                          a: repository(workspace: "acme", slug: "api") { name workspace { name } }
                          b: repository(workspace: "acme", slug: "api") { workspace { slug } }
                        }
                        """)
                .execute()
                .path("a.name").entity(String.class).isEqualTo("API")
                .path("a.workspace.name").entity(String.class).isEqualTo("Acme")
                .path("b.workspace.slug").entity(String.class).isEqualTo("acme");

        assertThat(upstream.asked(Repository.class)).containsExactly(API);
        assertThat(upstream.asked(Workspace.class)).containsExactly("acme");
    }

    @Test
    void aMissingRepositoryFailsAloneWithItsCode() {
        graphQl.document("""
                        {
                          found: repository(workspace: "acme", slug: "api") { name }
                          missing: repository(workspace: "acme", slug: "web") { name }
                        }
                        """)
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("missing");
                    assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
                }))
                .path("found.name").entity(String.class).isEqualTo("API");
    }

    @Test
    void aSlugBitbucketWouldNeverIssueIsBadUserInputOnItsArgument() {
        graphQl.document("{ repository(workspace: \"acme\", slug: \"..\") { name } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("'slug'");
                }));

        assertThat(upstream.asked(Repository.class)).isEmpty();
    }

    @Test
    void aWorkspacesRepositoriesArePagedAndFilteredByTheirArguments() {
        when(repositories.repositories(anyString(), any(), any())).thenReturn(Mono.just(
                Connection.ofList(List.of(REPOSITORY), PageRequest.of(3, null))));

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            workspace { repositories(first: 3, name: "ap") { nodes { slug } } } } }
                        """)
                .execute()
                .path("repository.workspace.repositories.nodes[*].slug").entityList(String.class)
                .containsExactly("api");

        verify(repositories).repositories("acme", PageRequest.of(3, null), "ap");
    }
}

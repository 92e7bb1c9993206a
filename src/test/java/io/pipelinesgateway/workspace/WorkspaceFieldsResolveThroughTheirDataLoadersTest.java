package io.pipelinesgateway.workspace;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.BitbucketRateLimits;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.SliceUpstream;
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
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code WorkspaceController} and {@code BitbucketRateLimitController} alone: {@code workspace} reads through the
 * DataLoader of workspaces, {@code workspaces} pages the service's list, {@code rateLimit} shows what the tracker of
 * Bitbucket's limit knows, and a malformed slug is BAD_USER_INPUT before any load.
 */
@ControllerSliceTest
@Import({WorkspaceController.class, BitbucketRateLimitController.class,
        WorkspaceFieldsResolveThroughTheirDataLoadersTest.Upstream.class})
class WorkspaceFieldsResolveThroughTheirDataLoadersTest {

    private static final Workspace ACME = new Workspace("{w}", "acme", "Acme", true, null, "https://bitbucket.org/acme",
            "member");

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @MockitoBean
    private WorkspaceService workspaces;

    @MockitoBean
    private BitbucketRateLimits bitbucketRateLimits;

    @TestConfiguration
    static class Upstream {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            return new SliceUpstream(loaders).serves(String.class, Workspace.class, Map.of("acme", ACME));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void aWorkspaceNamedTwiceIsLoadedOnceBySlug() {
        graphQl.document("{ a: workspace(slug: \"acme\") { name } b: workspace(slug: \"acme\") { slug } }")
                .execute()
                .path("a.name").entity(String.class).isEqualTo("Acme")
                .path("b.slug").entity(String.class).isEqualTo("acme");

        assertThat(upstream.asked(Workspace.class)).containsExactly("acme");
    }

    @Test
    void aSlugBitbucketWouldNeverIssueIsBadUserInputBeforeAnyLoad() {
        graphQl.document("{ workspace(slug: \"../acme\") { name } }").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));

        assertThat(upstream.asked(Workspace.class)).isEmpty();
    }

    @Test
    void theWorkspacesArePagedByTheirArguments() {
        when(workspaces.workspaces(any())).thenReturn(Mono.just(Connection.ofList(List.of(ACME),
                PageRequest.of(5, null))));

        graphQl.document("{ workspaces(first: 5) { nodes { slug } } }").execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("acme");

        verify(workspaces).workspaces(PageRequest.of(5, null));
    }

    @Test
    void aWorkspacesRateLimitIsWhatTheTrackerOfBitbucketsLimitKnows() {
        when(bitbucketRateLimits.status("acme")).thenReturn(new BitbucketRateLimits.Status("acme", 1000,
                "api", false, null, 7, 3, 4));

        graphQl.document("{ workspace(slug: \"acme\") { rateLimit { limit resource nearLimit } } }").execute()
                .path("workspace.rateLimit.limit").entity(Integer.class).isEqualTo(1000)
                .path("workspace.rateLimit.resource").entity(String.class).isEqualTo("api");
    }
}

package io.pipelinesgateway.pipeline;

import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_39;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_40;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_41;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository's pipelines: {@code GET /repositories/{workspace}/{repo_slug}/pipelines/} with {@code sort},
 * repeatable {@code status=}, and pages by number; the branch filter is the gateway's own.
 */
class PipelineListTest extends GatewayTest {

    private static final String LIST = """
            query($first: Int, $after: String, $statuses: [PipelineStatus!], $branch: String, $order: PipelineOrder) {
              repository(workspace: "acme", slug: "api") {
                pipelines(first: $first, after: $after, statuses: $statuses, branch: $branch, order: $order) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { uuid buildNumber status target { branch } } }
                }
              }
            }
            """;

    @Test
    void listsPipelinesNewestFirstWithBitbucketsSortParameter() {
        given("repository-api.json");
        given("pipelines-newest-first.json");

        graphQl.document(LIST).execute()
                .path("repository.pipelines.totalCount").entity(Integer.class).isEqualTo(5)
                .path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("repository.pipelines.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false)
                .path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class)
                .containsExactly(43, 42, 41, 40, 39)
                .path("repository.pipelines.edges[*].node.status").entityList(String.class)
                .containsExactly("RUNNING", "SUCCESSFUL", "FAILED", "SUCCESSFUL", "PAUSED")
                .path("repository.pipelines.edges[*].node.target.branch").entityList(String.class)
                .containsExactly("main", "main", "feature/login", "feature/login", null);

        bitbucket.verify(exactly(1), getOf(pipelinesPath())
                .withQueryParam("sort", havingExactly("-created_on"))
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withoutQueryParam("status")
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(bitbucket.findAll(getOf(pipelinesPath()))).singleElement().satisfies(request ->
                assertThat(request.getUrl()).isEqualTo("/2.0/repositories/acme/api/pipelines/"
                        + "?sort=-created_on&page=1&pagelen=100"));
    }

    @Test
    void listsPipelinesOldestFirstWhenAsked() {
        given("repository-api.json");
        given("pipelines-oldest-first.json");

        graphQl.document(LIST).variable("order", "OLDEST_FIRST").execute()
                .path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class)
                .containsExactly(39, 40, 41, 42, 43);

        bitbucket.verify(exactly(1), getOf(pipelinesPath()).withQueryParam("sort", havingExactly("created_on")));
    }

    @Test
    void sendsEachStatusAsARepeatedStatusParameter() {
        given("repository-api.json");
        given("pipelines-successful-or-failed.json");

        graphQl.document(LIST).variable("statuses", List.of("SUCCESSFUL", "FAILED")).execute()
                .path("repository.pipelines.edges[*].node.uuid").entityList(String.class)
                .containsExactly(PIPELINE_42, PIPELINE_41, PIPELINE_40)
                .path("repository.pipelines.totalCount").entity(Integer.class).isEqualTo(3);

        bitbucket.verify(exactly(1), getOf(pipelinesPath())
                .withQueryParam("status", havingExactly("SUCCESSFUL", "FAILED"))
                .withQueryParam("sort", havingExactly("-created_on")));
    }

    @Test
    void asksForInProgressPipelinesAndKeepsOnlyTheRunningOnesForRunning() {
        given("repository-api.json");
        given("pipelines-in-progress.json");

        graphQl.document(LIST).variable("statuses", List.of("RUNNING")).execute()
                .path("repository.pipelines.edges[*].node.uuid").entityList(String.class)
                .containsExactly(PIPELINE_43)
                // Bitbucket's count includes the paused pipeline, so the gateway cannot know the total.
                .path("repository.pipelines.totalCount").valueIsNull();

        bitbucket.verify(exactly(1), getOf(pipelinesPath()).withQueryParam("status", havingExactly("IN_PROGRESS")));
    }

    @Test
    void appliesTheBranchFilterItselfIncludingPullRequestsFromThatBranch() {
        given("repository-api.json");
        given("pipelines-newest-first.json");

        graphQl.document(LIST).variable("branch", "feature/login").execute()
                .path("repository.pipelines.edges[*].node.uuid").entityList(String.class)
                .containsExactly(PIPELINE_41, PIPELINE_40)
                .path("repository.pipelines.totalCount").valueIsNull()
                .path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        bitbucket.verify(exactly(1), getOf(pipelinesPath())
                .withoutQueryParam("branch")
                .withoutQueryParam("q")
                .withQueryParam("sort", havingExactly("-created_on")));
    }

    @Test
    void pagesWithCursorsPassedAsAfter() {
        given("repository-api.json");
        given("pipelines-newest-first.json");

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNextPage = true;
        while (hasNextPage && pages < 10) {
            var page = graphQl.document(LIST).variable("first", 2).variable("after", after).execute();
            seen.addAll(page.path("repository.pipelines.edges[*].node.uuid").entityList(String.class).get());
            page.path("repository.pipelines.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(pages > 0);
            hasNextPage = page.path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("repository.pipelines.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(PIPELINE_43, PIPELINE_42, PIPELINE_41, PIPELINE_40, PIPELINE_39);
        // Every page of 2 lies in Bitbucket's first page of 100, which is read once per GraphQL request.
        bitbucket.verify(exactly(3), getOf(pipelinesPath()).withQueryParam("page", havingExactly("1")));
    }

    @Test
    void givesEachEdgeACursorThatResumesRightAfterIt() {
        given("repository-api.json");
        given("pipelines-newest-first.json");

        var firstThree = graphQl.document(LIST).variable("first", 3).execute();
        List<String> cursors = firstThree.path("repository.pipelines.edges[*].cursor").entityList(String.class).get();
        assertThat(cursors).hasSize(3).doesNotHaveDuplicates();
        firstThree.path("repository.pipelines.pageInfo.startCursor").entity(String.class).isEqualTo(cursors.get(0));
        String secondCursor = cursors.get(1);

        graphQl.document(LIST).variable("first", 2).variable("after", secondCursor).execute()
                .path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class)
                .containsExactly(41, 40);
    }

    @Test
    void rejectsACursorTheGatewayDidNotIssue() {
        given("repository-api.json");

        graphQl.document(LIST).variable("after", "bm90LWEtY3Vyc29y").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("BAD_USER_INPUT")));

        bitbucket.verify(0, getOf(pipelinesPath()));
    }
}

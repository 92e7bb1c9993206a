package io.pipelinesgateway.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox: the feed of the caller's workspaces (acme and globex) pages through every
 * repository's pipelines newest first, and its filter finds what failed on main, and what built main in acme/api,
 * whose tag builds have no branch.
 */
class FeedOnTheSandboxTest extends SandboxFlowSupport {

    private static final String FEED = """
            query($filter: PipelineFilter, $after: String) {
              pipelines(filter: $filter, first: 25, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { uuid createdOn status target { branch } repository { fullName } }
              }
            }""";

    @Test
    void theDefaultFeedCoversBothWorkspacesNewestFirst() {
        List<Map<String, Object>> pipelines = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = ok(FEED, "filter", null, "after", after);
            pipelines.addAll(page.path("pipelines.nodes").entityList(mapType()).get());
            more = page.path("pipelines.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? page.path("pipelines.pageInfo.endCursor").entity(String.class).get() : null;
        }

        List<OffsetDateTime> created = pipelines.stream()
                .map(pipeline -> OffsetDateTime.parse((String) pipeline.get("createdOn"))).toList();
        assertThat(created).isSortedAccordingTo((left, right) -> right.compareTo(left));
        assertThat(pipelines).extracting(pipeline -> pipeline.get("uuid")).doesNotHaveDuplicates();
        assertThat(pipelines).extracting(pipeline -> (Object) ((Map<?, ?>) pipeline.get("repository")).get("fullName"))
                .contains("acme/api", "acme/web-app", "globex/billing-service");
    }

    @Test
    void theFilterFindsWhatFailedOnMain() {
        List<Map<String, Object>> failed = ok(FEED, "filter", Map.of("statuses", List.of("FAILED"),
                "branches", List.of("main")), "after", null).path("pipelines.nodes").entityList(mapType()).get();

        assertThat(failed).isNotEmpty().allSatisfy(pipeline -> {
            assertThat(pipeline.get("status")).isEqualTo("FAILED");
            assertThat(((Map<?, ?>) pipeline.get("target")).get("branch")).isEqualTo("main");
        });
    }

    @Test
    void aBranchFilterPassesOverTheTagBuildsOfAcmeApi() {
        List<Map<String, Object>> all = ok(FEED, "filter", Map.of("repositories", List.of("acme/api")), "after", null)
                .path("pipelines.nodes").entityList(mapType()).get();
        assertThat(all).as("acme/api's newest pipelines include a build with no branch")
                .anySatisfy(pipeline -> assertThat(((Map<?, ?>) pipeline.get("target")).get("branch")).isNull());

        List<Map<String, Object>> onMain = ok(FEED, "filter", Map.of("repositories", List.of("acme/api"),
                "branches", List.of("main")), "after", null).path("pipelines.nodes").entityList(mapType()).get();

        assertThat(onMain).isNotEmpty().allSatisfy(pipeline ->
                assertThat(((Map<?, ?>) pipeline.get("target")).get("branch")).isEqualTo("main"));
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}

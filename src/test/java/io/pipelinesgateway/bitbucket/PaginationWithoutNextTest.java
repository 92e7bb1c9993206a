package io.pipelinesgateway.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_44;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static io.pipelinesgateway.support.Fixtures.stepsPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket sometimes leaves {@code next} out of a page although more pages follow. The listings here hold 250 items
 * in pages of 100, and page 2 has no {@code next}: the gateway pages by number against {@code size}, so it still
 * reads every item.
 */
class PaginationWithoutNextTest extends GatewayTest {

    private static final String PAGE = """
            query($first: Int, $after: String, $branch: String) { repository(workspace: "acme", slug: "api") {
              pipelines(first: $first, after: $after, branch: $branch) {
                totalCount pageInfo { hasNextPage endCursor } nodes { uuid buildNumber } } } }
            """;

    @Test
    void theListingReallyLacksNextOnPageTwo() {
        assertThat(Payloads.text("pipelines-250-page1.json")).contains("\"next\"");
        assertThat(Payloads.text("pipelines-250-page2.json")).doesNotContain("\"next\"").contains("\"size\": 250");
        assertThat(Payloads.text("steps-250-page1.json")).contains("\"next\"");
        assertThat(Payloads.text("steps-250-page2.json")).doesNotContain("\"next\"").contains("\"size\": 250");
    }

    @Test
    void readsAWholeListingOfStepsPastAPageWithoutNext() {
        given("pipeline-44-matrix.json");
        given("steps-250-page1.json");
        given("steps-250-page2.json");
        given("steps-250-page3.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                          steps { name } } }
                        """)
                .variable("uuid", PIPELINE_44)
                .execute()
                .path("pipeline.steps[*].name").entityList(String.class)
                .containsExactly(IntStream.rangeClosed(1, 250).mapToObj(n -> "Shard " + n).toArray(String[]::new));

        for (String page : List.of("1", "2", "3")) {
            bitbucket.verify(exactly(1), getOf(stepsPath(PIPELINE_44)).withQueryParam("page", havingExactly(page))
                    .withQueryParam("pagelen", havingExactly("100")));
        }
    }

    @Test
    void pagesThroughEveryPipelineExactlyOnceWithCursors() {
        givenTheListingOf250();

        List<Integer> seen = pageThrough(60, null);

        assertThat(seen).hasSize(250).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.iterate(250, n -> n >= 1, n -> n - 1).boxed().toList());
        // Windows of 60 read pages 1 | 1, 2 | 2 | 2, 3 | 3: page 3 is read although page 2 named no next.
        assertThat(bitbucket.findAll(getOf(pipelinesPath())))
                .extracting(request -> request.queryParameter("page").firstValue())
                .containsExactlyInAnyOrder("1", "1", "2", "2", "2", "3", "3");
    }

    @Test
    void pagesThroughEveryPipelineExactlyOnceWithTheGatewaysOwnBranchFilter() {
        givenTheListingOf250();

        List<Integer> seen = pageThrough(100, "main");

        assertThat(seen).hasSize(250).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.iterate(250, n -> n >= 1, n -> n - 1).boxed().toList());
    }

    @Test
    void knowsTheTotalFromTheSizeAndThatPageTwoIsNotTheLast() {
        givenTheListingOf250();

        graphQl.document(PAGE).variable("first", 100).variable("after", cursorAt(100)).execute()
                .path("repository.pipelines.totalCount").entity(Integer.class).isEqualTo(250)
                .path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("repository.pipelines.nodes[0].buildNumber").entity(Integer.class).isEqualTo(150);
    }

    private List<Integer> pageThrough(int first, String branch) {
        List<Integer> seen = new ArrayList<>();
        String after = null;
        for (int request = 0; request < 20; request++) {
            var response = graphQl.document(PAGE).variable("first", first).variable("after", after)
                    .variable("branch", branch).execute();
            seen.addAll(response.path("repository.pipelines.nodes[*].buildNumber").entityList(Integer.class).get());
            if (!response.path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return seen;
            }
            after = response.path("repository.pipelines.pageInfo.endCursor").entity(String.class).get();
        }
        throw new AssertionError("Paging did not end after 20 requests; read " + seen.size() + " pipelines");
    }

    /** The cursor of the edge at {@code offset} - 1, which resumes at {@code offset}. */
    private String cursorAt(int offset) {
        String[] cursor = new String[1];
        graphQl.document(PAGE).variable("first", offset).execute()
                .path("repository.pipelines.pageInfo.endCursor").entity(String.class).satisfies(end -> cursor[0] = end);
        return cursor[0];
    }

    private void givenTheListingOf250() {
        given("repository-api.json");
        given("pipelines-250-page1.json");
        given("pipelines-250-page2.json");
        given("pipelines-250-page3.json");
    }
}

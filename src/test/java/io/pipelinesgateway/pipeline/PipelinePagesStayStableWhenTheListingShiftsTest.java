package io.pipelinesgateway.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.pipelinesgateway.graphql.Cursor;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline that starts while a client pages through a repository's pipelines shifts Bitbucket's listing by one,
 * and one that leaves a listing filtered by status shifts it back; the client still sees every pipeline once, as the
 * cursor holds the last pipeline's place, and reads no page of Bitbucket's more while nothing shifted.
 */
class PipelinePagesStayStableWhenTheListingShiftsTest extends GatewayTest {

    private static final String PAGE = """
            query($first: Int, $after: String) {
              repository(workspace: "acme", slug: "api") {
                pipelines(first: $first, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  edges { cursor node { buildNumber } }
                }
              }
            }
            """;

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final List<GeneratedPipeline> history = new ArrayList<>();

    private GeneratedBitbucket generated;

    @Test
    void aPipelineStartedBetweenPagesIsNotRepeatedOnTheNextPage() {
        givenPipelines(10);

        Page first = page(3, null);
        assertThat(first.buildNumbers()).containsExactly(10, 9, 8);
        run();
        Page second = page(3, first.endCursor());

        assertThat(second.buildNumbers()).containsExactly(7, 6, 5);
        // One read of Bitbucket's first page each: finding where to go on cost nothing more.
        assertThat(pagesRead()).containsExactly("1", "1");
    }

    @Test
    void aPipelineStartedBetweenPagesThatEndOnBitbucketsPageBoundaryIsNotRepeated() {
        givenPipelines(250);

        Page first = page(100, null);
        run();
        List<Integer> seen = new ArrayList<>(first.buildNumbers());
        Page next = first;
        while (next.hasNextPage()) {
            next = page(100, next.endCursor());
            seen.addAll(next.buildNumbers());
        }

        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.iterate(250, n -> n >= 1, n -> n - 1).boxed().toList());
        // Bitbucket's page 1 is read once: the page after the cursor shows the listing only moved forward.
        assertThat(pagesRead()).containsExactly("1", "2", "3", "3");
    }

    @Test
    void aPipelineThatLeftTheListingBetweenPagesDoesNotMakeTheNextPageSkipOne() {
        givenPipelines(10);

        Page first = page(3, null);
        leave(9);
        Page second = page(3, first.endCursor());

        assertThat(second.buildNumbers()).containsExactly(7, 6, 5);
        assertThat(pagesRead()).containsExactly("1", "1");
    }

    @Test
    void pipelinesThatLeftTheListingBeforeBitbucketsPageBoundaryAreLookedForOnThePageBefore() {
        givenPipelines(250);

        Page first = page(100, null);
        leave(200);
        leave(190);

        assertThat(page(100, first.endCursor()).buildNumbers())
                .containsExactlyElementsOf(IntStream.rangeClosed(51, 150).map(n -> 201 - n).boxed().toList());
    }

    @Test
    void aCursorOfAnOffsetAloneAsTheGatewayIssuedBeforeResumesAtThatOffset() {
        givenPipelines(10);

        assertThat(page(3, Cursor.encode(3)).buildNumbers()).containsExactly(7, 6, 5);
    }

    private void givenPipelines(int count) {
        given("repository-api.json");
        generated = new GeneratedBitbucket(bitbucket).repository("acme", "api");
        IntStream.range(0, count).forEach(any -> run());
        bitbucket.resetRequests();
    }

    /** A new pipeline, the newest. */
    private void run() {
        history.add(generated.pipeline("acme", "api", START.plusSeconds(60L * history.size()), "SUCCESSFUL", "main",
                "c0ffee", 60));
        generated.stub();
    }

    private void leave(int buildNumber) {
        generated.leave(history.get(buildNumber - 1));
        generated.stub();
    }

    private List<String> pagesRead() {
        return bitbucket.findAll(getOf(pipelinesPath()).withQueryParam("sort", havingExactly("-created_on")))
                .stream().map(request -> request.queryParameter("page").firstValue()).toList();
    }

    private Page page(int first, String after) {
        var response = graphQl.document(PAGE).variable("first", first).variable("after", after).execute();
        response.errors().verify();
        List<String> cursors = response.path("repository.pipelines.edges[*].cursor").entityList(String.class).get();
        String endCursor = response.path("repository.pipelines.pageInfo.endCursor").entity(String.class).get();
        assertThat(endCursor).isEqualTo(cursors.get(cursors.size() - 1));
        return new Page(response.path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class)
                .get(), response.path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).get(),
                endCursor);
    }

    private record Page(List<Integer> buildNumbers, boolean hasNextPage, String endCursor) {
    }
}

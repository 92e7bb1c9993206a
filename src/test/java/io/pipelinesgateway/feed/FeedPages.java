package io.pipelinesgateway.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Reads the feed through GraphQL, a page at a time or every page, as a client does. */
final class FeedPages {

    static final String FEED = """
            query($filter: PipelineFilter, $first: Int, $after: String) {
              pipelines(filter: $filter, first: $first, after: $after) {
                pageInfo { hasNextPage hasPreviousPage endCursor }
                nodes { uuid buildNumber createdOn status }
              }
            }
            """;

    /** One page: the UUIDs in order, whether more follow, and the cursor to read them (null on the last page). */
    record Page(List<String> uuids, boolean hasNextPage, String endCursor) {
    }

    private FeedPages() {
    }

    static Page page(GraphQlTester graphQl, Map<String, Object> filter, int first, String after) {
        GraphQlTester.Response response = graphQl.document(FEED).variable("filter", filter)
                .variable("first", first).variable("after", after).execute();
        response.errors().verify();
        boolean hasNextPage = response.path("pipelines.pageInfo.hasNextPage").entity(Boolean.class).get();
        // The last page of an empty feed has no cursor to go on from.
        return new Page(response.path("pipelines.nodes[*].uuid").entityList(String.class).get(), hasNextPage,
                hasNextPage ? response.path("pipelines.pageInfo.endCursor").entity(String.class).get() : null);
    }

    /** Every page from the first, concatenated. */
    static List<String> all(GraphQlTester graphQl, Map<String, Object> filter, int first) {
        List<String> uuids = new ArrayList<>();
        Page page = page(graphQl, filter, first, null);
        uuids.addAll(page.uuids());
        while (page.hasNextPage()) {
            page = page(graphQl, filter, first, page.endCursor());
            uuids.addAll(page.uuids());
        }
        return uuids;
    }
}

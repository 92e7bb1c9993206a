package io.pipelinesgateway.graphql;

import java.util.List;
import java.util.function.Function;

import io.pipelinesgateway.bitbucket.Window;

/**
 * A Relay connection: edges with opaque cursors, the nodes alone for clients that need no cursor, page info, and
 * the total when it is known without reading every page.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

    /** One item and the cursor that resumes after it. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Where this page sits in the whole list. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    /**
     * Builds a connection from a window of an upstream listing, converting each item. Each edge's cursor resumes
     * right after its item; the end cursor resumes where the window's scan stopped, which may lie past the last
     * edge when a gateway-side filter skipped items.
     */
    public static <S, T> Connection<T> of(Window<S> window, long startOffset, Function<S, T> convert) {
        List<Edge<T>> edges = window.items().stream()
                .map(indexed -> new Edge<>(Cursor.encode(indexed.index() + 1), convert.apply(indexed.item())))
                .toList();
        String endCursor = window.hasMore() || edges.isEmpty()
                ? Cursor.encode(window.nextOffset())
                : edges.get(edges.size() - 1).cursor();
        String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
        return new Connection<>(edges, new PageInfo(window.hasMore(), startOffset > 0, startCursor, endCursor),
                window.total());
    }

    /** Builds a connection over a list the gateway already holds whole, such as a filtered, complete listing. */
    public static <T> Connection<T> ofList(List<T> all, PageRequest page) {
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(all.size(), from + page.first());
        List<Edge<T>> edges = new java.util.ArrayList<>();
        for (int index = from; index < to; index++) {
            edges.add(new Edge<>(Cursor.encode(index + 1), all.get(index)));
        }
        String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
        String endCursor = edges.isEmpty() ? Cursor.encode(from) : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(to < all.size(), from > 0, startCursor, endCursor), all.size());
    }
}

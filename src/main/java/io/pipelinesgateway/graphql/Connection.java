package io.pipelinesgateway.graphql;

import java.util.ArrayList;
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

    /** What an edge's cursor holds: the offset of the listing it resumes at, and the item it resumes after. */
    @FunctionalInterface
    public interface EdgeCursor<S> {

        String resumingAt(long offset, S after);
    }

    /**
     * Builds a connection from a window of an upstream listing, converting each item, with cursors that hold an
     * offset alone ({@link Cursor}).
     */
    public static <S, T> Connection<T> of(Window<S> window, long startOffset, Function<S, T> convert) {
        return of(window, startOffset, convert, (offset, after) -> Cursor.encode(offset));
    }

    /**
     * Builds a connection from a window of an upstream listing, converting each item. Each edge's cursor resumes
     * right after its item, the last edge's where the window's scan stopped: what lies between was refused by the
     * filter, so the next page neither reads it again nor misses anything. The end cursor is the last edge's, as
     * Relay requires; on a page with no edges, it holds the offset alone where the scan stopped.
     */
    public static <S, T> Connection<T> of(Window<S> window, long startOffset, Function<S, T> convert,
            EdgeCursor<S> cursor) {
        List<Window.Indexed<S>> items = window.items();
        List<Edge<T>> edges = new ArrayList<>();
        for (int position = 0; position < items.size(); position++) {
            Window.Indexed<S> indexed = items.get(position);
            long resumeAt = position == items.size() - 1 ? window.nextOffset() : indexed.index() + 1;
            edges.add(new Edge<>(cursor.resumingAt(resumeAt, indexed.item()), convert.apply(indexed.item())));
        }
        String endCursor = edges.isEmpty() ? Cursor.encode(window.nextOffset()) : edges.get(edges.size() - 1).cursor();
        String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
        return new Connection<>(edges, new PageInfo(window.hasMore(), startOffset > 0, startCursor, endCursor),
                window.total());
    }

    /** Builds a connection over a list the gateway already holds whole, such as a filtered, complete listing. */
    public static <T> Connection<T> ofList(List<T> all, PageRequest page) {
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(all.size(), from + page.first());
        List<Edge<T>> edges = new ArrayList<>();
        for (int index = from; index < to; index++) {
            edges.add(new Edge<>(Cursor.encode(index + 1), all.get(index)));
        }
        String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
        String endCursor = edges.isEmpty() ? Cursor.encode(from) : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(to < all.size(), from > 0, startCursor, endCursor), all.size());
    }
}

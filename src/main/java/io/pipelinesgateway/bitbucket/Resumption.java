package io.pipelinesgateway.bitbucket;

import java.util.function.Predicate;

/**
 * Where a window of a listing resumes after a cursor. An offset alone is trusted as it is. A listing that can shift
 * while a client pages (new items at its head, items leaving a filtered one) resumes by the cursor's item instead:
 * {@code offset} is then only a hint, where the item after it was, and the window takes the items that
 * {@code follows} says lie after the cursor's item, from the hint on, stepping back over those just before it that
 * were not returned yet.
 *
 * @param follows whether an item lies after the cursor's item in the listing's order; null for an offset alone
 * @param listed  the listing's size when the cursor was made (null: unknown): where it is unchanged, nothing
 *                shifted, so a hint at a page's start is trusted without reading the page before it
 */
public record Resumption<T>(long offset, Predicate<T> follows, Integer listed) {

    /** Resumes at {@code offset}, trusted as it is. */
    public static <T> Resumption<T> at(long offset) {
        return new Resumption<>(offset, null, null);
    }

    boolean relocates() {
        return follows != null;
    }

    boolean isAfterTheCursor(T item) {
        return follows == null || follows.test(item);
    }

    /** The same resumption, hinted at another offset. */
    Resumption<T> hintedAt(long hint) {
        return new Resumption<>(hint, follows, listed);
    }
}

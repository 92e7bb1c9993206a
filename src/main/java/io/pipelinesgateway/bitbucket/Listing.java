package io.pipelinesgateway.bitbucket;

import java.util.List;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;

/**
 * One of Bitbucket's paginated listings, as an endpoint method gives it out: the reader chooses how much of it to
 * read (a page, all of it, or a window for a connection) without knowing where it is.
 */
public final class Listing<T> {

    private final Listings listings;
    private final UpstreamRequest request;
    private final Class<T> itemType;

    Listing(Listings listings, UpstreamRequest request, Class<T> itemType) {
        this.listings = listings;
        this.request = request;
        this.itemType = itemType;
    }

    /**
     * Page {@code number} (from 1) of {@code length} items, or of as many as Bitbucket serves a page of this listing
     * where that is fewer: the page's {@code pagelen} is the length its number counts in.
     */
    public Mono<BitbucketPage<T>> page(int number, int length) {
        return listings.pageOf(request, itemType, number, length);
    }

    /** Every item, in order (up to {@code gateway.bitbucket.max-pages} pages). */
    public Mono<List<T>> all() {
        return listings.readAll(request, itemType);
    }

    /**
     * Up to {@code count} items that {@code keep} accepts from index {@code offset} on, reading as few pages as that
     * needs; {@code filtered} says whether {@code keep} may refuse items, so that the listing's size is no total.
     */
    public Mono<Window<T>> window(long offset, int count, Predicate<T> keep, boolean filtered) {
        return window(Resumption.at(offset), count, keep, filtered);
    }

    /** As {@link #window(long, int, Predicate, boolean)}, resuming after a cursor as {@code from} says. */
    public Mono<Window<T>> window(Resumption<T> from, int count, Predicate<T> keep, boolean filtered) {
        return listings.window(request, itemType, from, count, keep, filtered);
    }

    /** Up to {@code count} items from index {@code offset} on. */
    public Mono<Window<T>> window(long offset, int count) {
        return window(offset, count, any -> true, false);
    }
}

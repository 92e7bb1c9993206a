package io.pipelinesgateway.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

import org.springframework.stereotype.Component;

/**
 * Pagination: reads Bitbucket's paginated listings by page number (its {@code next} is not reliable), a whole
 * listing in parallel once its size is known, or a window of it reading as few pages as that needs. Pages are asked
 * in the longest length each endpoint serves ({@link PageLengths}); an answer that shows a shorter one (a shorter
 * page, or a refused length) is learned, and the read starts again in it, so that page numbers and sizes always count
 * in the length Bitbucket pages in.
 */
@Component
class Listings {

    private final BitbucketClient client;
    private final BitbucketProperties properties;
    private final PageLengths pageLengths;

    Listings(BitbucketClient client, BitbucketProperties properties, PageLengths pageLengths) {
        this.client = client;
        this.properties = properties;
        this.pageLengths = pageLengths;
    }

    /**
     * Page {@code page} of {@code pageLength} items, or of as many as the endpoint serves where that is fewer: the
     * page's {@code pagelen} is the length it was read in.
     */
    <T> Mono<BitbucketPage<T>> pageOf(UpstreamRequest request, Class<T> itemType, int page, int pageLength) {
        return Mono.defer(() -> {
            int length = Math.min(pageLength, pageLengths.of(request.resource()));
            // The page tells the length its number counts in, also where Bitbucket's answer left it out.
            return read(request, itemType, page, length).map(read -> Objects.equals(read.pagelen(), length) ? read
                    : new BitbucketPage<>(read.values(), page, length, read.size(), read.next()));
        }).onErrorResume(LengthLearned.class, learned -> pageOf(request, itemType, page, pageLength));
    }

    /**
     * Whether the caller's credential's own cache holds, fresh, the listing's first page as a window or a whole read
     * reads it (in the longest length the endpoint serves): an answer it fetched itself, never another reader's
     * ({@link BitbucketClient#pageHeld}).
     */
    Mono<Boolean> firstPageHeld(UpstreamRequest request) {
        return Mono.defer(() -> client.pageHeld(request, 1, pageLengths.of(request.resource())));
    }

    /**
     * Reads a whole listing: the first page tells the size, and the remaining pages are then read in parallel, by
     * number. Without a size, pages are read one after another until one comes back short.
     */
    <T> Mono<List<T>> readAll(UpstreamRequest request, Class<T> itemType) {
        return Mono.defer(() -> {
            int pageLength = pageLengths.of(request.resource());
            return read(request, itemType, 1, pageLength).flatMap(first -> {
                if (first.size() != null) {
                    int pages = Math.min(properties.maxPages(), (int) Math.ceil(first.size() / (double) pageLength));
                    return Flux.range(2, Math.max(0, pages - 1))
                            .flatMapSequential(number -> read(request, itemType, number, pageLength),
                                    BitbucketProperties.FAN_OUT)
                            .concatMapIterable(BitbucketPage::values)
                            .startWith(first.values())
                            .collectList();
                }
                return sequentialPages(request, itemType, first, pageLength, 1)
                        .concatMapIterable(BitbucketPage::values).collectList();
            });
        }).onErrorResume(LengthLearned.class, learned -> readAll(request, itemType));
    }

    private <T> Flux<BitbucketPage<T>> sequentialPages(UpstreamRequest request, Class<T> itemType,
            BitbucketPage<T> current, int pageLength, int number) {
        boolean last = current.isLast(number, pageLength) || number >= properties.maxPages();
        if (last) {
            return Flux.just(current);
        }
        return Flux.just(current).concatWith(read(request, itemType, number + 1, pageLength)
                .flatMapMany(next -> sequentialPages(request, itemType, next, pageLength, number + 1)));
    }

    /**
     * Takes up to {@code count} items that {@code keep} accepts, resuming as {@code from} says, reading as few pages
     * as that needs. One more accepted item is looked for, so {@code hasMore} is exact; at most {@code maxPages} pages
     * are read, and where that cap stops the scan, {@code nextOffset} says where to go on. Resuming by the cursor's
     * item reads no page more than resuming at an offset, unless the listing shifted back past the start of the
     * hint's page: the page before it is then read too.
     */
    <T> Mono<Window<T>> window(UpstreamRequest request, Class<T> itemType, Resumption<T> from, int count,
            Predicate<T> keep, boolean filtered) {
        return Mono.defer(() -> {
            int pageLength = pageLengths.of(request.resource());
            int firstPage = (int) (from.offset() / pageLength) + 1;
            long pageStart = (long) (firstPage - 1) * pageLength;
            return read(request, itemType, firstPage, pageLength).flatMap(page -> {
                long start = start(page, pageStart, from, keep);
                if (start < 0) {
                    return window(request, itemType, from.hintedAt(pageStart - 1), count, keep, filtered);
                }
                return scan(request, itemType, page, firstPage, pageLength, start, from, count, keep,
                        new ArrayList<>(), 0, filtered);
            });
        }).onErrorResume(LengthLearned.class, learned -> window(request, itemType, from, count, keep, filtered));
    }

    /**
     * Where a window starts on the page its hint lies in: at the hint, or, where items the caller has not seen lie
     * just before it (the listing shifted back: items before the cursor's one left it), at the first of them that
     * {@code keep} accepts; -1 where such items may lie on the page before, which then must be read.
     */
    private static <T> long start(BitbucketPage<T> page, long pageStart, Resumption<T> from, Predicate<T> keep) {
        if (!from.relocates()) {
            return from.offset();
        }
        List<T> values = page.values();
        long start = from.offset();
        long index = Math.min(from.offset(), pageStart + values.size()) - 1;
        while (index >= pageStart && from.isAfterTheCursor(values.get((int) (index - pageStart)))) {
            if (keep.test(values.get((int) (index - pageStart)))) {
                start = index;
            }
            index--;
        }
        boolean pageStartsAfterTheCursor = index < pageStart
                && (values.isEmpty() || from.isAfterTheCursor(values.get(0)));
        boolean unchanged = from.listed() != null && from.listed().equals(page.size());
        return pageStart > 0 && pageStartsAfterTheCursor && !unchanged ? -1 : start;
    }

    private <T> Mono<Window<T>> scan(UpstreamRequest request, Class<T> itemType, BitbucketPage<T> page,
            int pageNumber, int pageLength, long start, Resumption<T> from, int count, Predicate<T> keep,
            List<Window.Indexed<T>> taken, int pagesRead, boolean filtered) {
        long index = (long) (pageNumber - 1) * pageLength;
        for (T item : page.values()) {
            if (index >= start && from.isAfterTheCursor(item) && keep.test(item)) {
                if (taken.size() == count) {
                    // The one extra accepted item proves there is more; the next page starts at it.
                    return Mono.just(new Window<>(List.copyOf(taken), index, true, filtered ? null : page.size(),
                            page.size()));
                }
                taken.add(new Window.Indexed<>(index, item));
            }
            index++;
        }
        boolean exhausted = page.isLast(pageNumber, pageLength);
        long nextOffset = Math.max(index, start);
        if (exhausted) {
            return Mono.just(new Window<>(List.copyOf(taken), nextOffset, false, filtered ? null : page.size(),
                    page.size()));
        }
        if (!filtered && taken.size() == count && page.size() != null) {
            return Mono.just(new Window<>(List.copyOf(taken), nextOffset, nextOffset < page.size(), page.size(),
                    page.size()));
        }
        if (pagesRead + 1 >= properties.maxPages()) {
            return Mono.just(new Window<>(List.copyOf(taken), nextOffset, true, filtered ? null : page.size(),
                    page.size()));
        }
        return read(request, itemType, pageNumber + 1, pageLength).flatMap(next -> scan(request, itemType, next,
                pageNumber + 1, pageLength, start, from, count, keep, taken, pagesRead + 1, filtered));
    }

    /**
     * Page {@code number} in pages of {@code length}, or {@link LengthLearned} where its answer showed that the
     * endpoint serves shorter pages: the length it serves is learned, and the read must start again in it.
     */
    private <T> Mono<BitbucketPage<T>> read(UpstreamRequest request, Class<T> itemType, int number, int length) {
        return client.readPage(request, itemType, number, length)
                .handle((BitbucketPage<T> page, SynchronousSink<BitbucketPage<T>> sink) -> {
                    if (pageLengths.servedShorter(request.resource(), number, length, page)) {
                        sink.error(LengthLearned.INSTANCE);
                    }
                    else {
                        sink.next(page);
                    }
                })
                .onErrorMap(PageLengthRefusedException.class,
                        refused -> pageLengths.refused(request.resource(), length) ? LengthLearned.INSTANCE : refused);
    }

    /** A read to start again: its page length was learned shorter while it read. */
    private static final class LengthLearned extends RuntimeException {

        static final LengthLearned INSTANCE = new LengthLearned();

        private LengthLearned() {
            super("the page length was learned shorter", null, false, false);
        }
    }
}

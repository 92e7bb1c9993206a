package io.pipelinesgateway.sandbox;

import java.net.URI;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bitbucket's pagination: {@code page} (from 1) and {@code pagelen} (default 10, at most 100) parameters, and the
 * {@code values}/{@code page}/{@code pagelen}/{@code size}/{@code next}/{@code previous} envelope, with links that
 * repeat the request's other parameters.
 */
final class Paging {

    static final int DEFAULT_PAGELEN = 10;
    static final int MAX_PAGELEN = 100;

    private Paging() {
    }

    /** A requested page. */
    record Request(int page, int pagelen) {
    }

    static Request request(String page, String pagelen) {
        int p = parse(page, 1, "page");
        int len = parse(pagelen, DEFAULT_PAGELEN, "pagelen");
        if (p < 1) {
            throw SandboxException.badRequest("Invalid page: " + page);
        }
        if (len < 1 || len > MAX_PAGELEN) {
            throw SandboxException.badRequest("Invalid pagelen: " + pagelen + " (1 to " + MAX_PAGELEN + ")");
        }
        return new Request(p, len);
    }

    private static int parse(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw SandboxException.badRequest("Invalid " + name + ": " + value);
        }
    }

    /**
     * Bitbucket's pagination oddities (README, "Pagination"), reproduced so that clients are tested against them:
     * they must page by number and check against {@code size} rather than trust {@code next}.
     */
    enum Quirk {
        /** Links as documented: {@code next} on every page but the last. */
        NONE,
        /** Pipeline lists: {@code next} is sometimes missing although more pages exist; here on every even page. */
        NEXT_MISSING_ON_EVEN_PAGES,
        /** Variable lists: {@code next} is sometimes present on the last page; here always, pointing at an empty page. */
        NEXT_ON_LAST_PAGE
    }

    static <T> SandboxJson.Page<T> page(List<T> all, Request request, URI uri) {
        return page(all, request, uri, Quirk.NONE);
    }

    static <T> SandboxJson.Page<T> page(List<T> all, Request request, URI uri, Quirk quirk) {
        int from = (int) Math.min((long) (request.page() - 1) * request.pagelen(), all.size());
        int to = Math.min(from + request.pagelen(), all.size());
        boolean more = to < all.size();
        boolean lastWithValues = !more && from < to;
        boolean hasNext = switch (quirk) {
            case NONE -> more;
            case NEXT_MISSING_ON_EVEN_PAGES -> more && request.page() % 2 != 0;
            case NEXT_ON_LAST_PAGE -> more || lastWithValues;
        };
        String next = hasNext ? link(uri, request.page() + 1) : null;
        String previous = request.page() > 1 ? link(uri, request.page() - 1) : null;
        return new SandboxJson.Page<>(all.size(), request.page(), request.pagelen(), next, previous,
                List.copyOf(all.subList(from, to)));
    }

    private static String link(URI uri, int page) {
        return UriComponentsBuilder.fromUri(uri).replaceQueryParam("page", page).build(true).toUriString();
    }
}

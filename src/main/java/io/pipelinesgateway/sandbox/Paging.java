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

    static <T> SandboxJson.Page<T> page(List<T> all, Request request, URI uri) {
        return page(all, request, uri, false);
    }

    /**
     * One page of {@code all}.
     *
     * @param dropNextOnEvenPages reproduces the quirk of Bitbucket's pipeline lists (README, "Pagination"): {@code next}
     *                            is sometimes missing although more pages exist, so clients must page by number until
     *                            {@code size} is reached. Here it is missing on every even page.
     */
    static <T> SandboxJson.Page<T> page(List<T> all, Request request, URI uri, boolean dropNextOnEvenPages) {
        int from = (int) Math.min((long) (request.page() - 1) * request.pagelen(), all.size());
        int to = Math.min(from + request.pagelen(), all.size());
        boolean more = to < all.size();
        String next = more && !(dropNextOnEvenPages && request.page() % 2 == 0) ? link(uri, request.page() + 1)
                : null;
        String previous = request.page() > 1 ? link(uri, request.page() - 1) : null;
        return new SandboxJson.Page<>(all.size(), request.page(), request.pagelen(), next, previous,
                List.copyOf(all.subList(from, to)));
    }

    private static String link(URI uri, int page) {
        return UriComponentsBuilder.fromUri(uri).replaceQueryParam("page", page).build(true).toUriString();
    }
}

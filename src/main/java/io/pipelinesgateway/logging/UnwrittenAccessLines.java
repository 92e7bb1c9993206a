package io.pipelinesgateway.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Writes, when an HTTP exchange ends, the {@link AccessLog} lines of its subscriptions that nothing else wrote: one
 * whose event stream the transport never subscribed to (its Server-Sent Events client left before the answer's body
 * was written) gives no signal of its own, and is written {@code cancelled}. The lines travel in the exchange's
 * Reactor context, which only an exchange that accepts an event stream is given.
 */
@Component
class UnwrittenAccessLines implements WebFilter {

    private static final String KEY = UnwrittenAccessLines.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Only a Server-Sent Events answer streams a subscription over HTTP; every other exchange passes as it is.
        if (exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT).stream()
                .noneMatch(accept -> accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE))) {
            return chain.filter(exchange);
        }
        Set<AccessLine> lines = ConcurrentHashMap.newKeySet();
        return chain.filter(exchange)
                .contextWrite(Context.of(KEY, lines))
                .doFinally(signal -> lines.forEach(AccessLine::cancelled));
    }

    /** Has {@code line} written when the exchange of {@code context} ends, unless it is written before. */
    static void writeAtTheLatestWhenItEnds(ContextView context, AccessLine line) {
        context.<Set<AccessLine>>getOrEmpty(KEY).ifPresent(lines -> lines.add(line));
    }
}

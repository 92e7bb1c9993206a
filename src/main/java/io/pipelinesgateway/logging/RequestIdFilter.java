package io.pipelinesgateway.logging;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every HTTP request, WebSocket handshake included, its {@link RequestId}: echoed in the response's
 * {@code X-Request-Id}, put back into the request's own header (so what runs later, a WebSocket's operations too,
 * reads the id that was chosen, not the caller's raw one) and into the Reactor context, whence the places that log
 * for the request put it into the MDC of their lines ({@link RequestId#inMdc}).
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
        exchange.getResponse().getHeaders().set(RequestId.HEADER, id);
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestId.HEADER, id)))
                .build();
        return chain.filter(withId).contextWrite(Context.of(RequestId.MDC_KEY, id));
    }

    /** First of all filters, so that the lines every other one logs carry the id. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

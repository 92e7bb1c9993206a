package io.pipelinesgateway.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * What Bitbucket would charge each credential: the sandbox's requests counted by the {@code Authorization} they carry
 * (Bitbucket's rate limit is per user), and the webhook deliveries the gateway received. Registered only by the
 * benchmark's gateways (never component-scanned); the bench's credentials are made up, and only counts leave it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SandboxCharges implements WebFilter {

    private static final String SANDBOX = "/sandbox/2.0/";
    private static final String WEBHOOKS = "/webhooks/bitbucket";

    private final Map<String, LongAdder> byCredential = new ConcurrentHashMap<>();
    private final LongAdder deliveries = new LongAdder();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith(SANDBOX)) {
            String credential = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            byCredential.computeIfAbsent(credential == null ? "" : credential, any -> new LongAdder()).increment();
        }
        else if (path.equals(WEBHOOKS)) {
            deliveries.increment();
        }
        return chain.filter(exchange);
    }

    /** Sandbox requests so far by the {@code Authorization} they carried. */
    Map<String, Long> byCredential() {
        Map<String, Long> counts = new TreeMap<>();
        byCredential.forEach((credential, count) -> counts.put(credential, count.sum()));
        return counts;
    }

    /** Webhook deliveries the gateway received so far. */
    long deliveries() {
        return deliveries.sum();
    }
}

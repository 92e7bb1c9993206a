package io.pipelinesgateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.bitbucket.UpstreamBudget;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.security.Caller;
import io.pipelinesgateway.security.ClientIdentity;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Service mode: each client's budget of Bitbucket calls a minute ({@code gateway.rate-limit.upstream-calls-per-minute}).
 * Every client there spends the workspaces' shared credentials, so without it one client (a 500-alias query, a
 * runaway script) could spend a workspace's whole Bitbucket quota for everyone. Kept as the rate limit is, in Redis
 * across replicas when configured, else in this process; once spent, a call fails RATE_LIMITED with
 * {@code retryAfter}, and what was read is still answered. Each client's spend is the counter
 * {@code gateway.client.upstream.calls} (tags {@code client}, an API key's configured name or a keyed hash of a JWT
 * subject, and {@code outcome}, {@code spent} or {@code refused}). Pass-through callers spend their own quota.
 */
class ClientUpstreamBudget implements UpstreamBudget.ClientAllowance {

    private final ClientRateLimitProperties properties;
    private final ClientRateLimiter limiter;
    private final ClientIdentity clients;
    private final MeterRegistry meterRegistry;

    ClientUpstreamBudget(ClientRateLimitProperties properties, ClientRateLimiter limiter, ClientIdentity clients,
            MeterRegistry meterRegistry) {
        this.properties = properties;
        this.limiter = limiter;
        this.clients = clients;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public Mono<Void> spend(ContextView context) {
        if (properties.upstreamCallsPerMinute() == 0 || !(Caller.from(context) instanceof Caller.Service caller)) {
            return Mono.empty();
        }
        return limiter.acquire(clients.of(caller)).flatMap(wait -> {
            boolean spent = wait.isZero() || wait.isNegative();
            counter(caller, spent ? "spent" : "refused").increment();
            if (spent) {
                return Mono.empty();
            }
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Mono.error(new GatewayException(ErrorCode.RATE_LIMITED, String.format("This client has made "
                    + "its %,d Bitbucket calls of the minute (gateway.rate-limit.upstream-calls-per-minute), which "
                    + "keeps the workspaces' Bitbucket quota for the gateway's other clients; retry after %d s, or "
                    + "ask for fewer items. What was read is in the answer.",
                    properties.upstreamCallsPerMinute(), seconds), null, seconds));
        });
    }

    private Counter counter(Caller.Service caller, String outcome) {
        return Counter.builder("gateway.client.upstream.calls")
                .description("Bitbucket calls each service-mode client made (spent) or was refused over "
                        + "gateway.rate-limit.upstream-calls-per-minute")
                .tag("client", clients.tag(caller))
                .tag("outcome", outcome)
                .register(meterRegistry);
    }
}

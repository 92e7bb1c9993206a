package io.pipelinesgateway.bitbucket;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that found the gateway's own connection pool full (its queue at the limit, or the wait for a connection
 * too long) never reached Bitbucket: it is answered that the gateway is busy, is not retried, and does not count
 * toward the repository's circuit breaker, so a burst of callers cannot pause a repository for everyone. Failures
 * of Bitbucket itself still do.
 */
class TheGatewaysOwnPoolLimitsAreNotBitbucketFailingTest {

    private static final UpstreamRequest REQUEST = UpstreamRequest.of(UpstreamResource.REPOSITORY, "repositories",
            "acme", "api");

    private final UpstreamCircuitBreakers breakers = new UpstreamCircuitBreakers(new Binder(
            new MapConfigurationPropertySource(Map.of(
                    "gateway.bitbucket.circuit-breaker.minimum-calls", "4",
                    "gateway.bitbucket.circuit-breaker.sliding-window-size", "4")))
            .bindOrCreate("gateway.bitbucket", BitbucketProperties.class));

    @Test
    void aFullQueueForAConnectionIsAnsweredBusyAndLeavesTheBreakerClosed() {
        assertNotCounted(() -> new PoolAcquirePendingLimitException(32));
    }

    @Test
    void aTooLongWaitForAConnectionIsAnsweredBusyAndLeavesTheBreakerClosed() {
        assertNotCounted(() -> new PoolAcquireTimeoutException(Duration.ofSeconds(10)));
    }

    @Test
    void bitbucketUnreachableStillOpensTheBreaker() {
        CircuitBreaker breaker = breakers.guarding(REQUEST);
        breaker.reset();
        for (int i = 0; i < 4; i++) {
            assertThat(call(breaker, new ConnectException("Connection refused"))).satisfies(error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
                assertThat(UpstreamCircuitBreakers.bitbucketFailed(error)).isTrue();
            });
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private void assertNotCounted(Supplier<Throwable> poolLimit) {
        CircuitBreaker breaker = breakers.guarding(REQUEST);
        breaker.reset();
        for (int i = 0; i < 20; i++) {
            assertThat(call(breaker, poolLimit.get())).satisfies(error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
                assertThat(error.getMessage()).contains("gateway is busy");
                assertThat(UpstreamCircuitBreakers.bitbucketFailed(error)).as("retried as if Bitbucket failed")
                        .isFalse();
            });
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    /** A call through the breaker whose connection failed with {@code cause}, as the WebClient reports it. */
    private static GatewayException call(CircuitBreaker breaker, Throwable cause) {
        Throwable failure = Mono.<Throwable>error(new WebClientRequestException(cause, HttpMethod.GET,
                        URI.create("https://api.bitbucket.org/2.0/repositories/acme/api"), new HttpHeaders()))
                .onErrorMap(error -> UpstreamFailures.transportFailure(REQUEST, error))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorResume(error -> Mono.just(error))
                .block();
        assertThat(failure).isInstanceOf(GatewayException.class);
        return (GatewayException) failure;
    }
}

package io.pipelinesgateway.bitbucket;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

import org.springframework.stereotype.Component;

/**
 * The circuit breakers that guard calls to Bitbucket, so a failing part of it gets fast errors instead of piled-up
 * requests. Only Bitbucket failing opens one (a 5xx, a timeout, a connection failure); a 4xx is an answer about the
 * request, the caller's to fix, and counts as a call that went well.
 */
@Component
public class UpstreamCircuitBreakers {

    private final CircuitBreakerRegistry registry;
    private final BitbucketProperties.CircuitBreaker settings;

    UpstreamCircuitBreakers(BitbucketProperties properties) {
        this.settings = properties.circuitBreaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(UpstreamCircuitBreakers::bitbucketFailed)
                .build());
    }

    /** The breaker that guards {@code request}: the one of its workspace. */
    public CircuitBreaker guarding(UpstreamRequest request) {
        return registry.circuitBreaker(request.workspace());
    }

    /** The error a call gets while the breaker that guards it is open. */
    GatewayException open(UpstreamRequest request) {
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE, "Bitbucket has been failing for workspace '"
                + request.workspace() + "', so the gateway pauses calls to it for up to "
                + settings.openFor().toSeconds() + " seconds; try again then.");
    }

    /** Whether a call failed because Bitbucket did (unavailable or too slow), which also makes it worth retrying. */
    static boolean bitbucketFailed(Throwable error) {
        return error instanceof GatewayException failure
                && (failure.code() == ErrorCode.UPSTREAM_UNAVAILABLE || failure.code() == ErrorCode.UPSTREAM_TIMEOUT);
    }
}

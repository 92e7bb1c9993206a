package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The circuit breakers that guard calls to Bitbucket, so a failing part of it gets fast errors instead of piled-up
 * requests. One is kept per repository for a repository's resources, and per workspace (or account) for the rest,
 * so one slow or broken repository pauses no other. Only Bitbucket failing opens one (a 5xx, a timeout, a
 * connection failure); a 4xx is an answer about the request, the caller's to fix, and counts as a call that went
 * well, so no caller's bad input can pause anyone. Nor do the gateway's own limits: a call that found no free
 * connection in the gateway's pool in time never reached Bitbucket, and is ignored.
 */
@Component
public class UpstreamCircuitBreakers {

    /** Breakers of repositories no one has called for this long are forgotten (closed, by then, or unused). */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    /** Names that reach the gateway are the callers' to choose: the breakers they create are bounded. */
    private static final long MAX_BREAKERS = 10_000;

    private final CircuitBreakerConfig config;
    private final BitbucketProperties.CircuitBreaker settings;
    private final Cache<String, CircuitBreaker> breakers;

    UpstreamCircuitBreakers(BitbucketProperties properties) {
        this.settings = properties.circuitBreaker();
        this.config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(UpstreamCircuitBreakers::bitbucketFailed)
                .ignoreException(GatewayBusyException.class::isInstance)
                .build();
        this.breakers = Caffeine.newBuilder()
                .expireAfterAccess(FORGET_AFTER.compareTo(settings.openFor()) > 0 ? FORGET_AFTER : settings.openFor())
                .maximumSize(MAX_BREAKERS)
                .build();
    }

    /** The breaker that guards {@code request}: the one of its repository, or else of its workspace. */
    CircuitBreaker guarding(UpstreamRequest request) {
        return breaker(scopeOf(request));
    }

    /** The breaker that guards the calls for a repository's resources. */
    public CircuitBreaker guardingRepository(String workspace, String repository) {
        return breaker(workspace + "/" + repository);
    }

    private CircuitBreaker breaker(String scope) {
        return breakers.get(scope, name -> CircuitBreaker.of(name, config));
    }

    /** The error a call gets while the breaker that guards it is open. */
    GatewayException open(UpstreamRequest request) {
        String scope = scopeOf(request);
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE, "Bitbucket has been failing for "
                + (scope.contains("/") ? "repository '" : "workspace '") + scope
                + "', so the gateway pauses calls to it for up to " + settings.openFor().toSeconds()
                + " seconds; try again then.");
    }

    /**
     * Whether a call failed because Bitbucket did (unavailable or too slow), which also makes it worth retrying. The
     * gateway's own connection pool being full ({@link GatewayBusyException}) is not Bitbucket failing.
     */
    static boolean bitbucketFailed(Throwable error) {
        return error instanceof GatewayException failure && !(error instanceof GatewayBusyException)
                && (failure.code() == ErrorCode.UPSTREAM_UNAVAILABLE || failure.code() == ErrorCode.UPSTREAM_TIMEOUT);
    }

    /** {@code workspace/repository} below {@code /repositories/{workspace}/{repository}}, else the workspace. */
    private static String scopeOf(UpstreamRequest request) {
        String path = request.path();
        String prefix = "/repositories/";
        if (path.startsWith(prefix)) {
            int slash = path.indexOf('/', prefix.length());
            if (slash > prefix.length() && slash + 1 < path.length()) {
                int end = path.indexOf('/', slash + 1);
                String repository = end < 0 ? path.substring(slash + 1) : path.substring(slash + 1, end);
                if (!repository.isEmpty()) {
                    return request.workspace() + "/" + UriUtils.decode(repository, StandardCharsets.UTF_8);
                }
            }
        }
        return request.workspace();
    }
}

package io.pipelinesgateway.bitbucket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches Bitbucket: where, how fast it gives up, and how many calls it runs at once.
 *
 * @param baseUrl        REST 2.0 root; a path alone (e.g. {@code /sandbox/2.0}) names this gateway's own server,
 *                       whichever port it bound: that is how the sandbox profile points the client at itself
 * @param webUrl         root of Bitbucket's web UI, for links people can open; a path names this server too
 * @param maxInFlight    upper bound on calls to Bitbucket this process has in flight at once, over all callers (also
 *                       the most connections its pool opens; over HTTP/2, spoken to a Bitbucket over TLS that offers
 *                       it, one connection carries many); calls past it wait for one to end. A query's siblings are
 *                       otherwise read all at once, so a cold query takes about as long as its levels one after
 *                       another
 * @param maxInFlightPerCaller upper bound on calls in flight at once for one credential; by default as many as one
 *                       query may make at all ({@code gateway.graphql.max-upstream-calls}), so a query never waits
 *                       behind itself, while a caller's many queries at once do
 * @param timeout        how long one upstream call may take before the caller gets UPSTREAM_UNAVAILABLE; of it, a
 *                       call waits at most half for a free connection of the gateway's pool (calls past the pool's
 *                       connections queue), else it is answered that the gateway is busy
 * @param connectTimeout how long opening a connection may take
 * @param maxPages       how many pages one listing reads at the most, so one field cannot drain the rate limit
 * @param retries        how often a failed read (5xx, connection error, timeout) is tried again; changes never are
 * @param retryBackoff   the first wait before a retry; it doubles each time, with jitter
 * @param maxRetryAfter  the longest {@code Retry-After} the gateway waits out itself before answering RATE_LIMITED
 * @param circuitBreaker when to stop calling a repository (or workspace) that keeps failing, and for how long
 * @param sslBundle      the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material checks the
 *                       certificates of Bitbucket and of its log storage, for a proxy that inspects TLS with a CA of
 *                       its own; empty, the JVM's trusted CAs. A proxy is named by the JVM's standard properties
 *                       ({@code https.proxyHost}, {@code https.proxyPort}, {@code http.nonProxyHosts})
 */
@ConfigurationProperties("gateway.bitbucket")
public record BitbucketProperties(
        @DefaultValue("https://api.bitbucket.org/2.0") String baseUrl,
        @DefaultValue("https://bitbucket.org") String webUrl,
        @DefaultValue("2000") int maxInFlight,
        @DefaultValue("1000") int maxInFlightPerCaller,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20") int maxPages,
        @DefaultValue("2") int retries,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("5s") Duration maxRetryAfter,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("") String sslBundle) {

    /**
     * The circuit breaker kept per repository (per workspace for calls outside a repository): once
     * {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls (at least
     * {@code minimumCalls}) failed, calls to that repository fail fast for {@code openFor}, then
     * {@code halfOpenCalls} trial calls decide whether it closes again. Only Bitbucket failing counts as a failure
     * (a 5xx, a timeout, a connection failure); a 4xx answer, the caller's to fix, never does.
     *
     * @param failureRateThreshold the percentage of failed calls among the last ones that opens the breaker
     * @param slidingWindowSize    how many of the last calls the failure rate is measured over
     * @param minimumCalls         how many calls the window needs before the rate counts
     * @param openFor              how long calls fail fast once the breaker opened
     * @param halfOpenCalls        how many trial calls then decide whether it closes again
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("3") int halfOpenCalls) {
    }

    /**
     * How many sibling resources a fan-out reads at once: all of them, as the calls they make are bounded where they
     * are sent ({@link #maxInFlight}, {@link #maxInFlightPerCaller}) and a cached read needs no bound.
     */
    public static final int FAN_OUT = Integer.MAX_VALUE;

    /** Bitbucket serves at most 100 items a page. */
    public static final int MAX_PAGE_LENGTH = 100;
}

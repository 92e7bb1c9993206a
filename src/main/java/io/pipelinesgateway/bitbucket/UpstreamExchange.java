package io.pipelinesgateway.bitbucket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import io.pipelinesgateway.cache.ResponseCache;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.logging.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.Lifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeFunctions;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The transport: one HTTP exchange with Bitbucket with everything that keeps it civil. It holds the gateway's own
 * connections to Bitbucket, sends the credential it is given, spends the request's budget, bounds the calls in
 * flight, guards each call with a circuit breaker, retries reads, counts each call in
 * {@code gateway.upstream.requests}, and turns every failure into a {@link GatewayException}
 * ({@link UpstreamFailures}).
 */
@Component
class UpstreamExchange implements Lifecycle {

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** The logger of WebClient's lines about each call. */
    private static final Logger WEB_CLIENT_LOG = LoggerFactory.getLogger(ExchangeFunctions.class);

    private final ConnectionProvider pool;
    private final WebClient webClient;
    private final BitbucketProperties properties;
    private final BitbucketAddresses addresses;
    private final JsonMapper jsonMapper;
    private final UpstreamFailures failures;
    private final MeterRegistry meterRegistry;
    private final Map<String, Counter> requestCounters = new ConcurrentHashMap<>();
    private final Map<UpstreamResource, Timer> latencyTimers = new ConcurrentHashMap<>();
    private final ResponseCache cache;
    private final BitbucketRateLimits rateLimits;
    private final UpstreamCircuitBreakers circuitBreakers;
    private final UpstreamConcurrency concurrency;
    private final LogStorage storage;

    UpstreamExchange(WebClient.Builder builder, BitbucketProperties properties, BitbucketAddresses addresses,
            JsonMapper jsonMapper, MeterRegistry meterRegistry, ResponseCache cache, BitbucketRateLimits rateLimits,
            UpstreamCircuitBreakers circuitBreakers, UpstreamConcurrency concurrency, LogStorage storage,
            ReactorResourceFactory eventLoops, OutboundConnections outbound) {
        // As many connections as calls may be in flight. Calls beyond them queue for one rather than fail (a
        // reconnect storm is a burst, not an outage), for at most half a call's timeout, so a call that waited still
        // has time to be answered.
        this.pool = ConnectionProvider.builder("bitbucket")
                .maxConnections(properties.maxInFlight())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(properties.timeout().dividedBy(2))
                .build();
        // - HTTP/2 where Bitbucket offers it over TLS (ALPN), else HTTP/1.1 (always over plain http, as the sandbox's):
        //   a cold dashboard's hundreds of calls at once then share a few connections, where each would otherwise
        //   open one of its own, with a TLS handshake of round trips before its request could leave.
        // - The proxy and trust of the network ({@link OutboundConnections}), set before the event loops: Reactor
        //   Netty picks its resolver as the loops are set, and one chosen without a proxy resolves Bitbucket's name
        //   itself, which behind a proxy the gateway may not be able to.
        // - On the event loops of the application's Reactor resources, named so: this bean then depends on them, and
        //   is stopped, its connections closed, before they are ({@link #stop}; closing a connection on a terminated
        //   loop logs an ERROR at every stop).
        HttpClient httpClient = outbound.api(HttpClient.create(pool).protocol(HttpProtocol.HTTP11, HttpProtocol.H2))
                .runOn(eventLoops.getLoopResources())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.timeout());
        // Not observed by WebClient as well: each call is counted and timed once, as gateway.upstream.* (record), and
        // an http.client.requests observation of every call cost a share of a cold view's CPU to say it again.
        this.webClient = builder
                .observationRegistry(ObservationRegistry.NOOP)
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                .filter(UpstreamExchange::requestIdInDebugLines)
                .build();
        this.properties = properties;
        this.addresses = addresses;
        this.jsonMapper = jsonMapper;
        this.failures = new UpstreamFailures(jsonMapper, addresses);
        this.meterRegistry = meterRegistry;
        this.cache = cache;
        this.rateLimits = rateLimits;
        this.circuitBreakers = circuitBreakers;
        this.concurrency = concurrency;
        this.storage = storage;
    }

    /**
     * Gives WebClient's DEBUG line of each call (its method and URL, logged as the call is sent, with the prefix its
     * other lines share) the request id, when that logger writes DEBUG at all: Reactor does not restore the MDC on
     * every signal.
     */
    private static Mono<ClientResponse> requestIdInDebugLines(ClientRequest request, ExchangeFunction next) {
        Mono<ClientResponse> exchange = next.exchange(request);
        if (!WEB_CLIENT_LOG.isDebugEnabled()) {
            return exchange;
        }
        // The line is written when the call is subscribed to and asked for its answer, on the subscribing thread.
        // fromDirect, not from: the answer's body is read after its first signal, which must not cancel the call.
        return Mono.fromDirect(subscriber -> RequestId.inMdc(
                ((CoreSubscriber<?>) subscriber).currentContext().<String>getOrDefault(RequestId.MDC_KEY, null),
                () -> exchange.subscribe(subscriber)));
    }

    /**
     * One upstream call: a circuit breaker per repository (or workspace), so a failing Bitbucket gets fast errors
     * instead of piled-up requests; with {@code retry} (reads, which are idempotent, unless read live) retries with
     * backoff and jitter on 5xx, connection errors and timeouts, and one wait for a short {@code Retry-After}.
     */
    Mono<ResponseEntity<byte[]>> exchange(HttpMethod method, UpstreamRequest request, HttpHeaders extra,
            Object body, Optional<Credential> credential, boolean retry) {
        String workspace = request.workspace();
        Mono<ResponseEntity<byte[]>> attempt = attempt(method, request, extra, body, credential, workspace)
                .transformDeferred(CircuitBreakerOperator.of(circuitBreakers.guarding(request)));
        if (!retry) {
            return attempt.onErrorMap(CallNotPermittedException.class, open -> circuitBreakers.open(request));
        }
        return attempt
                .onErrorResume(GatewayException.class, error -> shortRateLimit(error)
                        ? Mono.delay(Duration.ofSeconds(error.retryAfterSeconds())).then(attempt)
                        : Mono.error(error))
                .retryWhen(Retry.backoff(properties.retries(), properties.retryBackoff())
                        .jitter(0.5)
                        .filter(UpstreamCircuitBreakers::bitbucketFailed)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(CallNotPermittedException.class, open -> circuitBreakers.open(request));
    }

    private Mono<ResponseEntity<byte[]>> attempt(HttpMethod method, UpstreamRequest request, HttpHeaders extra,
            Object body, Optional<Credential> credential, String workspace) {
        return Mono.deferContextual(UpstreamBudget::spendIn).then(concurrency.bounded(credential, Mono.defer(() -> {
            URI address = URI.create(addresses.baseUrl() + request.pathAndQuery());
            long started = System.nanoTime();
            return webClient.method(method)
                    .uri(address)
                    .headers(headers -> {
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                        if (extra != null) {
                            headers.putAll(extra);
                        }
                        if (body != null) {
                            headers.setContentType(MediaType.APPLICATION_JSON);
                        }
                        credential.ifPresent(value -> headers.set(HttpHeaders.AUTHORIZATION, value.authorization()));
                    })
                    .body(body == null ? BodyInserters.empty()
                            : BodyInserters.fromValue(jsonMapper.writeValueAsBytes(body)))
                    .exchangeToMono(response -> response.toEntity(byte[].class))
                    .timeout(properties.timeout())
                    .doOnNext(response -> {
                        record(method, request, String.valueOf(response.getStatusCode().value()), started);
                        rateLimits.upstreamCall(workspace, response.getHeaders());
                    })
                    .flatMap(response -> method == HttpMethod.GET
                            ? access(request, credential, response).thenReturn(response)
                            : Mono.just(response))
                    .flatMap(response -> method == HttpMethod.GET && LogStorage.redirected(request, response)
                            ? storage.read(request, address, response, extra)
                            : Mono.just(response))
                    .onErrorMap(error -> !(error instanceof GatewayException), error -> {
                        record(method, request, UpstreamFailures.gatewayBusy(error) ? "GATEWAY_BUSY"
                                : UpstreamFailures.isTimeout(error) ? "TIMEOUT" : "IO_ERROR", started);
                        return UpstreamFailures.transportFailure(request, error);
                    })
                    .flatMap(response -> response.getStatusCode().is2xxSuccessful()
                            ? Mono.just(response)
                            : Mono.error(failures.statusFailure(request, response, body)));
        })));
    }

    /**
     * What a read's answer tells about its credential's access to the repository: a success proves it, which lets
     * the credential be served what other readers of the repository fetched; 401, 403, or a 404 that is not an
     * answer ({@link CachePolicy#notFoundIsAbsence}) takes that proof back at once. A success below the repository's
     * {@code pipelines/} also proves that the credential's token may read pipelines at all, which the shared tier
     * asks too (a token with the repository scope alone reads the repository and its listing, and is refused its
     * pipelines); a 401, or a 403 there, takes that back. A page of a workspace's
     * repository listing proves access to every repository it names: Bitbucket lists only what the credential may
     * read, and a dashboard reads that listing anyway.
     */
    private Mono<Void> access(UpstreamRequest request, Optional<Credential> credential,
            ResponseEntity<byte[]> response) {
        int status = response.getStatusCode().value();
        String listedOf = request.repositoriesListedOf();
        if (listedOf != null && credential.isPresent() && status >= 200 && status < 300) {
            return Flux.fromIterable(listedRepositories(listedOf, response.getBody()))
                    .concatMap(listed -> cache.accessProven(credential.get().authorization(), listed.repository(),
                            listed::uuid))
                    .then();
        }
        String repository = request.repository();
        if (repository == null || credential.isEmpty()) {
            return Mono.empty();
        }
        String authorization = credential.get().authorization();
        boolean pipelines = request.pipelinesOfRepository() != null;
        // A redirect to where a completed log is kept is Bitbucket letting the credential read it.
        if (status >= 200 && status < 300 || LogStorage.redirected(request, response)) {
            Mono<Void> proven = cache.accessProven(authorization, repository,
                    () -> repositoryUuid(request, response.getBody()));
            return pipelines ? proven.then(cache.pipelinesScopeProven(authorization)) : proven;
        }
        boolean lost = status == 401 || status == 403
                || (status == 404
                        && (!CachePolicy.notFoundIsAbsence(request) || failures.hidesTheRepository(response)));
        Mono<Void> scopeLost = status == 401 || status == 403 && pipelines
                ? cache.pipelinesScopeLost(authorization) : Mono.empty();
        return lost ? cache.accessLost(authorization, repository).then(scopeLost) : Mono.empty();
    }

    /**
     * The repositories ({@code workspace/slug}, encoded as {@link UpstreamRequest#repository()} has them) a page of
     * {@code workspace}'s repository listing names; none of a page that cannot be read, and no slug that could not
     * be a path segment.
     */
    private List<Listed> listedRepositories(String workspace, byte[] page) {
        List<Listed> repositories = new ArrayList<>();
        try {
            for (JsonNode listed : jsonMapper.readTree(page).path("values")) {
                String slug = listed.path("slug").asString("");
                if (!slug.isEmpty() && !slug.equals(".") && !slug.equals("..")) {
                    repositories.add(new Listed(UpstreamRequest.of(UpstreamResource.REPOSITORY, "repositories",
                            workspace, slug).repository(), listed.path("uuid").asString(null)));
                }
            }
        }
        catch (RuntimeException unreadableOrInvalid) {
            // Proves no more than what was read so far: a page the gateway cannot read is an error for its caller.
        }
        return repositories;
    }

    /** A repository a listing page names: its path ({@code workspace/slug}) and its UUID, if the page gives it. */
    private record Listed(String repository, String uuid) {
    }

    /**
     * The UUID of the repository an answer is about, where it names it: a repository's own answer, and a pipeline's
     * or a page of pipelines (each names its repository); null for any other answer, or one that cannot be read.
     */
    private String repositoryUuid(UpstreamRequest request, byte[] body) {
        if (body == null || body.length == 0
                || request.resource() != UpstreamResource.REPOSITORY && request.pipelinesOfRepository() == null) {
            return null;
        }
        try {
            JsonNode answer = jsonMapper.readTree(body);
            JsonNode named = request.resource() == UpstreamResource.REPOSITORY ? answer
                    : answer.has("values") ? answer.path("values").path(0).path("repository")
                    : answer.path("repository");
            return named.path("uuid").asString(null);
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    private boolean shortRateLimit(GatewayException error) {
        return error.code() == ErrorCode.RATE_LIMITED && error.retryAfterSeconds() != null
                && error.retryAfterSeconds() <= properties.maxRetryAfter().toSeconds();
    }

    private void record(HttpMethod method, UpstreamRequest request, String status, long startedNanos) {
        // Looked up once per method, resource and status: a cold dashboard makes a thousand calls, and building and
        // registering a meter is a map lookup behind sorted tags and a new id each time.
        UpstreamResource resource = request.resource();
        requestCounters.computeIfAbsent(method.name() + '\n' + resource.metricName() + '\n' + status,
                absent -> Counter.builder("gateway.upstream.requests")
                        .description("Calls the gateway made to Bitbucket")
                        .tag("method", method.name())
                        .tag("resource", resource.metricName())
                        .tag("status", status)
                        .register(meterRegistry)).increment();
        latencyTimers.computeIfAbsent(resource, absent -> Timer.builder("gateway.upstream.latency")
                        .description("How long Bitbucket took to answer")
                        .tag("resource", resource.metricName())
                        .publishPercentileHistogram()
                        .register(meterRegistry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Closes the connections to Bitbucket as the application stops: before the event loops they run on, which stop
     * with the application's Reactor resources, since the lifecycle stops what depends on a bean before the bean.
     */
    @Override
    public void stop() {
        pool.dispose();
    }

    /** Nothing to start: the connections open as calls are made. */
    @Override
    public void start() {
    }

    @Override
    public boolean isRunning() {
        return !pool.isDisposed();
    }
}

package io.pipelinesgateway.bitbucket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ChannelOption;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.pipelinesgateway.cache.Freshness;
import io.pipelinesgateway.cache.ResponseCache;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.logging.Redactor;
import io.pipelinesgateway.logging.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeFunctions;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The one client of Bitbucket's REST API: it sends the credential inbound security picks for each call (the caller's
 * own, or a configured workspace's), reads pages by number (Bitbucket's
 * {@code next} is not reliable), reads logs with HTTP Range, turns every failure into a {@link GatewayException} a
 * caller can act on, and counts each call in {@code gateway.upstream.requests}.
 * <p>
 * The credential is decided from the caller in the Reactor context ({@link CredentialSource}), before the cache is
 * consulted and before any call, so no code can forget it and none can pass another caller's.
 */
@Component
public class BitbucketClient implements DisposableBean {

    /**
     * Put (with any value) into a read's Reactor context to read Bitbucket as it is now: past the response cache and
     * in a single attempt, with no retry and no Retry-After wait. The status watcher reads so: a cached answer would
     * hide the very change it looks for, and each of its calls must stay within its budget.
     */
    public static final String DIRECT_READ = BitbucketClient.class.getName() + ".DIRECT_READ";

    private static final Pattern RANGE_START = Pattern.compile("bytes=(\\d+)-");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** A listing Bitbucket answered with 404 where that means "none" (told apart by identity). */
    private static final BitbucketPage<?> ABSENT_PAGE = new BitbucketPage<>(List.of(), 1, 0, 0, null);
    /** The fields of a change's body that may hold a secret: a variable's value, an SSH private key. */
    private static final Set<String> SECRET_FIELDS = Set.of("value", "private_key");
    /** The logger of WebClient's lines about each call. */
    private static final Logger WEB_CLIENT_LOG = LoggerFactory.getLogger(ExchangeFunctions.class);

    private final ConnectionProvider pool;
    private final WebClient webClient;
    private final BitbucketProperties properties;
    private final Environment environment;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meterRegistry;
    private final ResponseCache cache;
    private final CachePolicy cachePolicy;
    private final RateLimitTracker rateLimits;
    private final ApplicationEventPublisher events;
    private final UpstreamCircuitBreakers circuitBreakers;
    private final CredentialSource credentials;
    private final UnreadableValues unreadableValues;
    private final UpstreamConcurrency concurrency;
    private volatile String resolvedBaseUrl;
    private volatile String resolvedWebUrl;

    public BitbucketClient(WebClient.Builder builder, BitbucketProperties properties, Environment environment,
            JsonMapper jsonMapper, MeterRegistry meterRegistry, ResponseCache cache, CachePolicy cachePolicy,
            RateLimitTracker rateLimits, ApplicationEventPublisher events, CredentialSource credentials,
            UpstreamCircuitBreakers circuitBreakers, UnreadableValues unreadableValues,
            UpstreamConcurrency concurrency) {
        // As many connections as calls may be in flight. Calls beyond them queue for one rather than fail (a
        // reconnect storm is a burst, not an outage), for at most half a call's timeout, so a call that waited still
        // has time to be answered.
        this.pool = ConnectionProvider.builder("bitbucket")
                .maxConnections(properties.maxInFlight())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(properties.timeout().dividedBy(2))
                .build();
        HttpClient httpClient = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.timeout());
        this.webClient = builder
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                .filter(BitbucketClient::requestIdInDebugLines)
                .build();
        this.properties = properties;
        this.environment = environment;
        this.jsonMapper = jsonMapper;
        this.meterRegistry = meterRegistry;
        this.cache = cache;
        this.cachePolicy = cachePolicy;
        this.rateLimits = rateLimits;
        this.events = events;
        this.credentials = credentials;
        this.unreadableValues = unreadableValues;
        this.circuitBreakers = circuitBreakers;
        this.concurrency = concurrency;
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

    /** Reads one JSON object. */
    public <T> Mono<T> get(UpstreamRequest request, Class<T> type) {
        JavaType javaType = jsonMapper.constructType(type);
        return cachedRead(request, null, false, ResponseEntity::getBody,
                bytes -> this.<T>decode(request, bytes, javaType),
                value -> cachePolicy.freshness(request, value));
    }

    /**
     * Reads one JSON object that may not exist: empty for Bitbucket's 404. The absence is cached as its request's
     * rule says ({@link CachePolicy#absence}): for a {@linkplain UpstreamRequest#settled() settled} request (a
     * completed step that reported no tests will never have a report) like completed data, so asking again costs
     * nothing; otherwise briefly.
     */
    public <T> Mono<T> find(UpstreamRequest request, Class<T> type) {
        JavaType javaType = jsonMapper.constructType(type);
        return cachedRead(request, null, true, ResponseEntity::getBody,
                        bytes -> bytes.length == 0 ? Optional.<T>empty()
                                : Optional.of(this.<T>decode(request, bytes, javaType)),
                        value -> value.isPresent() ? cachePolicy.freshness(request, value.get())
                                : cachePolicy.absenceFreshness(request))
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Sends a change (POST, PUT or DELETE) with an optional JSON body and reads the answer as {@code type}, or
     * completes empty for a 204 or when {@code type} is {@code Void}. Changes are never retried here: they are not
     * idempotent. A POST that times out fails with UPSTREAM_OUTCOME_UNKNOWN, not a "try again": Bitbucket may have
     * made it after the gateway stopped waiting. A change evicts what the cache holds below the collection it changed, for every caller, and is
     * announced ({@link UpstreamChanged}) to whoever watches that part of Bitbucket.
     */
    public <T> Mono<T> send(HttpMethod method, UpstreamRequest request, Object body, Class<T> type) {
        return Mono.deferContextual(context -> exchange(method, request, null, body,
                        Optional.ofNullable(credentials.credentialFor(context, request.workspace(), true))))
                .onErrorMap(error -> method == HttpMethod.POST && error instanceof GatewayException failure
                        && failure.code() == ErrorCode.UPSTREAM_TIMEOUT, timedOut -> outcomeUnknown(request))
                .flatMap(response -> cache.evictAfterChange(request.path()).thenReturn(response))
                .doOnNext(response -> events.publishEvent(new UpstreamChanged(request)))
                .flatMap(response -> {
                    byte[] bytes = response.getBody();
                    if (type == Void.class || bytes == null || bytes.length == 0) {
                        return Mono.empty();
                    }
                    return Mono.just(decode(request, bytes, jsonMapper.constructType(type)));
                });
    }

    /**
     * Reads one page of a listing. Where Bitbucket's 404 is an answer ({@link CachePolicy#notFoundIsAbsence}: a step
     * that reported no tests has no test cases), it reads as an empty listing, cached as its absence rule says.
     */
    public <T> Mono<BitbucketPage<T>> page(UpstreamRequest request, Class<T> itemType, int page, int pageLength) {
        JavaType pageType = jsonMapper.getTypeFactory().constructParametricType(BitbucketPage.class, itemType);
        UpstreamRequest paged = request.with("page", page)
                .with("pagelen", Math.min(pageLength, BitbucketProperties.MAX_PAGE_LENGTH));
        @SuppressWarnings("unchecked")
        BitbucketPage<T> absent = (BitbucketPage<T>) ABSENT_PAGE;
        return cachedRead(paged, null, cachePolicy.notFoundIsAbsence(request), ResponseEntity::getBody, bytes -> {
            if (bytes.length == 0) {
                return absent;
            }
            BitbucketPage<T> result = decode(request, bytes, pageType);
            return result.values() == null
                    ? new BitbucketPage<>(List.of(), result.page(), result.pagelen(), result.size(), result.next())
                    : result;
        }, value -> value == absent ? cachePolicy.absenceFreshness(request) : cachePolicy.freshness(request, value));
    }

    /**
     * Reads a whole listing: the first page tells the size, and the remaining pages are then read in parallel, by
     * number. Without a size, pages are read one after another until one comes back short.
     */
    public <T> Mono<List<T>> all(UpstreamRequest request, Class<T> itemType) {
        int pageLength = BitbucketProperties.MAX_PAGE_LENGTH;
        return page(request, itemType, 1, pageLength).flatMap(first -> {
            if (first.size() != null) {
                int pages = Math.min(properties.maxPages(), (int) Math.ceil(first.size() / (double) pageLength));
                return Flux.range(2, Math.max(0, pages - 1))
                        .flatMapSequential(number -> page(request, itemType, number, pageLength),
                                BitbucketProperties.FAN_OUT)
                        .concatMapIterable(BitbucketPage::values)
                        .startWith(first.values())
                        .collectList();
            }
            return sequentialPages(request, itemType, first, pageLength, 1)
                    .concatMapIterable(BitbucketPage::values).collectList();
        });
    }

    private <T> Flux<BitbucketPage<T>> sequentialPages(UpstreamRequest request, Class<T> itemType,
            BitbucketPage<T> current, int pageLength, int number) {
        boolean last = current.values().size() < pageLength || number >= properties.maxPages();
        if (last) {
            return Flux.just(current);
        }
        return Flux.just(current).concatWith(page(request, itemType, number + 1, pageLength)
                .flatMapMany(next -> sequentialPages(request, itemType, next, pageLength, number + 1)));
    }

    /**
     * Takes up to {@code count} items that {@code keep} accepts, starting at index {@code offset} of the listing,
     * reading as few pages as that needs. One more accepted item is looked for, so {@code hasMore} is exact; at most
     * {@code maxPages} pages are read, and where that cap stops the scan, {@code nextOffset} says where to go on.
     */
    public <T> Mono<Window<T>> window(UpstreamRequest request, Class<T> itemType, long offset, int count,
            Predicate<T> keep, boolean filtered) {
        int pageLength = BitbucketProperties.MAX_PAGE_LENGTH;
        int firstPage = (int) (offset / pageLength) + 1;
        List<Window.Indexed<T>> taken = new ArrayList<>();
        return scan(request, itemType, firstPage, pageLength, offset, count, keep, taken, 0, filtered);
    }

    private <T> Mono<Window<T>> scan(UpstreamRequest request, Class<T> itemType, int pageNumber, int pageLength,
            long offset, int count, Predicate<T> keep, List<Window.Indexed<T>> taken, int pagesRead,
            boolean filtered) {
        return page(request, itemType, pageNumber, pageLength).flatMap(page -> {
            long index = (long) (pageNumber - 1) * pageLength;
            for (T item : page.values()) {
                if (index >= offset && keep.test(item)) {
                    if (taken.size() == count) {
                        // The one extra accepted item proves there is more; the next page starts at it.
                        return Mono.just(new Window<>(List.copyOf(taken), index, true,
                                filtered ? null : page.size()));
                    }
                    taken.add(new Window.Indexed<>(index, item));
                }
                index++;
            }
            boolean exhausted = page.values().size() < pageLength
                    || (page.size() != null && (long) pageNumber * pageLength >= page.size());
            long nextOffset = Math.max(index, offset);
            if (exhausted) {
                return Mono.just(new Window<>(List.copyOf(taken), nextOffset, false, filtered ? null : page.size()));
            }
            if (!filtered && taken.size() == count && page.size() != null) {
                return Mono.just(new Window<>(List.copyOf(taken), nextOffset, nextOffset < page.size(), page.size()));
            }
            if (pagesRead + 1 >= properties.maxPages()) {
                return Mono.just(new Window<>(List.copyOf(taken), nextOffset, true, filtered ? null : page.size()));
            }
            return scan(request, itemType, pageNumber + 1, pageLength, offset, count, keep, taken, pagesRead + 1,
                    filtered);
        });
    }

    /**
     * Reads part of a text/plain log with an HTTP Range header value such as {@code bytes=0-1023} or
     * {@code bytes=-4096}. A range that starts exactly at the end gives an empty slice (nothing new yet), and so does
     * a suffix range of an empty log; one that starts past the end is BAD_USER_INPUT.
     * <p>
     * A step that has written no log (Bitbucket's 404) reads as {@link LogSlice#NONE}, cached as the request's
     * absence rule says. A {@linkplain UpstreamRequest#settled() settled} request's log (its step completed) will not
     * grow any more, which lets it be cached.
     */
    public Mono<LogSlice> log(UpstreamRequest request, String range) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM));
        headers.set(HttpHeaders.RANGE, range);
        long requestedStart = requestedStart(range);
        return cachedRead(request, headers, true, BitbucketClient::encodeSlice, BitbucketClient::decodeSlice,
                        slice -> slice == LogSlice.NONE ? cachePolicy.absenceFreshness(request)
                                : Freshness.fixed(cachePolicy.timeToLive(request.settled())))
                .onErrorResume(LogRangeException.class, error -> {
                    if (error.logSize() != null && requestedStart == error.logSize()) {
                        return Mono.just(new LogSlice(requestedStart, new byte[0], error.logSize()));
                    }
                    if (error.logSize() != null && error.logSize() == 0 && requestedStart < 0) {
                        // A suffix range (a tail) of an empty log is unsatisfiable, but the answer is simply empty.
                        return Mono.just(new LogSlice(0, new byte[0], 0));
                    }
                    return Mono.error(error);
                });
    }

    /** A slice as the cache keeps it: offset and total, then the bytes. */
    private static byte[] encodeSlice(ResponseEntity<byte[]> response) {
        LogSlice slice = toSlice(response);
        return ByteBuffer.allocate(16 + slice.bytes().length)
                .putLong(slice.offset()).putLong(slice.totalSize()).put(slice.bytes()).array();
    }

    private static LogSlice decodeSlice(byte[] stored) {
        if (stored.length == 0) {
            return LogSlice.NONE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        long offset = buffer.getLong();
        long total = buffer.getLong();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new LogSlice(offset, bytes, total);
    }

    private static LogSlice toSlice(ResponseEntity<byte[]> response) {
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
        if (response.getStatusCode().value() == HttpStatus.PARTIAL_CONTENT.value()) {
            Matcher matcher = CONTENT_RANGE.matcher(
                    Optional.ofNullable(response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).orElse(""));
            if (matcher.find() && matcher.group(1) != null) {
                long total = "*".equals(matcher.group(3)) ? Long.parseLong(matcher.group(2)) + 1
                        : Long.parseLong(matcher.group(3));
                return new LogSlice(Long.parseLong(matcher.group(1)), body, total);
            }
        }
        // A 200 is the whole log: the server ignored the range.
        return new LogSlice(0, body, body.length);
    }

    /**
     * A GET through the response cache, scoped to the caller's credential: {@code stored} picks what of the answer
     * is kept, {@code decode} turns kept bytes into the value; with {@code notFoundAsEmpty} a 404 is an answer of
     * no bytes.
     */
    private <T> Mono<T> cachedRead(UpstreamRequest request, HttpHeaders headers, boolean notFoundAsEmpty,
            Function<ResponseEntity<byte[]>, byte[]> stored, Function<byte[], T> decode,
            Function<T, Freshness> freshness) {
        return Mono.deferContextual(context -> {
            // Refused here, before the cache: a caller never gets an entry of a workspace it may not read.
            Optional<Credential> credential = Optional.ofNullable(
                    credentials.credentialFor(context, request.workspace(), false));
            rateLimits.read(request.workspace());
            String range = headers == null ? null : headers.getFirst(HttpHeaders.RANGE);
            String variant = request.pathAndQuery().substring(request.path().length())
                    + (range == null ? "" : "#" + range);
            boolean direct = context.hasKey(DIRECT_READ);
            // Assembled only when it runs: most reads are answered by the cache, and a call's retries and circuit
            // breaker are work a hit would throw away.
            Mono<byte[]> fetch = Mono.defer(() -> exchange(HttpMethod.GET, request, headers, null, credential, !direct))
                    .map(response -> {
                        byte[] bytes = stored.apply(response);
                        return bytes == null ? new byte[0] : bytes;
                    });
            if (notFoundAsEmpty) {
                fetch = fetch.onErrorResume(GatewayException.class, error -> error.code() == ErrorCode.NOT_FOUND
                        ? Mono.just(new byte[0]) : Mono.error(error));
            }
            // Decoding may log (a value it could not read): the line carries the request id.
            Function<byte[], T> decoding = bytes -> RequestId.inMdc(context, () -> decode.apply(bytes));
            if (direct) {
                return fetch.map(decoding);
            }
            // Scoped to the credential actually sent upstream; a repository's completed pipeline data is also
            // shared with the other readers who have proven access to that repository.
            return cache.read(request.resource(), request.path(), variant,
                    credential.map(Credential::authorization).orElse(null), request.pipelinesOfRepository(), fetch,
                    decoding, freshness);
        });
    }

    private static long requestedStart(String range) {
        Matcher matcher = RANGE_START.matcher(range);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /**
     * One upstream call with everything that keeps it civil: a circuit breaker per repository (or workspace), so a
     * failing Bitbucket gets fast errors instead of piled-up requests; for reads (which are idempotent) retries with backoff and
     * jitter on 5xx, connection errors and timeouts, and one wait for a short {@code Retry-After}.
     */
    private Mono<ResponseEntity<byte[]>> exchange(HttpMethod method, UpstreamRequest request, HttpHeaders extra,
            Object body, Optional<Credential> credential) {
        return exchange(method, request, extra, body, credential, method == HttpMethod.GET);
    }

    private Mono<ResponseEntity<byte[]>> exchange(HttpMethod method, UpstreamRequest request, HttpHeaders extra,
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
            String uri = baseUrl() + request.pathAndQuery();
            long started = System.nanoTime();
            return webClient.method(method)
                    .uri(java.net.URI.create(uri))
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
                    .onErrorMap(error -> !(error instanceof GatewayException), error -> {
                        record(method, request, gatewayBusy(error) ? "GATEWAY_BUSY"
                                : isTimeout(error) ? "TIMEOUT" : "IO_ERROR", started);
                        return transportFailure(request, error);
                    })
                    .flatMap(response -> response.getStatusCode().is2xxSuccessful()
                            ? Mono.just(response)
                            : Mono.error(statusFailure(request, response, body)));
        })));
    }

    /**
     * What a read's answer tells about its credential's access to the repository: a success proves it, which lets
     * the credential be served what other readers of the repository fetched; 401, 403, or a 404 that is not an
     * answer ({@link CachePolicy#notFoundIsAbsence}) takes that proof back at once. A page of a workspace's
     * repository listing proves access to every repository it names: Bitbucket lists only what the credential may
     * read, and a dashboard reads that listing anyway.
     */
    private Mono<Void> access(UpstreamRequest request, Optional<Credential> credential,
            ResponseEntity<byte[]> response) {
        int status = response.getStatusCode().value();
        String listedOf = request.repositoriesListedOf();
        if (listedOf != null && credential.isPresent() && status >= 200 && status < 300) {
            return Flux.fromIterable(listedRepositories(listedOf, response.getBody()))
                    .concatMap(listed -> cache.accessProven(credential.get().authorization(), listed))
                    .then();
        }
        String repository = request.repository();
        if (repository == null || credential.isEmpty()) {
            return Mono.empty();
        }
        if (status >= 200 && status < 300) {
            return cache.accessProven(credential.get().authorization(), repository);
        }
        boolean lost = status == 401 || status == 403 || (status == 404 && !cachePolicy.notFoundIsAbsence(request));
        return lost ? cache.accessLost(credential.get().authorization(), repository) : Mono.empty();
    }

    /**
     * The repositories ({@code workspace/slug}, encoded as {@link UpstreamRequest#repository()} has them) a page of
     * {@code workspace}'s repository listing names; none of a page that cannot be read, and no slug that could not
     * be a path segment.
     */
    private List<String> listedRepositories(String workspace, byte[] page) {
        List<String> repositories = new ArrayList<>();
        try {
            for (JsonNode listed : jsonMapper.readTree(page).path("values")) {
                String slug = listed.path("slug").asString("");
                if (!slug.isEmpty() && !slug.equals(".") && !slug.equals("..")) {
                    repositories.add(UpstreamRequest.of("repository", "repositories", workspace, slug).repository());
                }
            }
        }
        catch (RuntimeException unreadableOrInvalid) {
            // Proves no more than what was read so far: a page the gateway cannot read is an error for its caller.
        }
        return repositories;
    }

    private boolean shortRateLimit(GatewayException error) {
        return error.code() == ErrorCode.RATE_LIMITED && error.retryAfterSeconds() != null
                && error.retryAfterSeconds() <= properties.maxRetryAfter().toSeconds();
    }

    private void record(HttpMethod method, UpstreamRequest request, String status, long startedNanos) {
        Counter.builder("gateway.upstream.requests")
                .description("Calls the gateway made to Bitbucket")
                .tag("method", method.name())
                .tag("resource", request.resource())
                .tag("status", status)
                .register(meterRegistry)
                .increment();
        Timer.builder("gateway.upstream.latency")
                .description("How long Bitbucket took to answer")
                .tag("resource", request.resource())
                .publishPercentileHistogram()
                .register(meterRegistry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Whether a call failed for taking too long: the gateway's own timeout, or Reactor Netty's response timeout
     * (a Netty {@code ReadTimeoutException} inside a {@link WebClientRequestException}), whichever fired first.
     */
    static boolean isTimeout(Throwable error) {
        return error instanceof TimeoutException
                || (error instanceof WebClientRequestException && (error.getCause() instanceof TimeoutException
                        || error.getCause() instanceof io.netty.handler.timeout.TimeoutException));
    }

    /**
     * Whether a call found none of the gateway's own connections to Bitbucket free in time: the pool's queue was
     * full or the wait too long. The call never reached Bitbucket.
     */
    static boolean gatewayBusy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoolAcquirePendingLimitException || cause instanceof PoolAcquireTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The error a call gets that failed before Bitbucket answered: the gateway busy, Bitbucket too slow or away. */
    static GatewayException transportFailure(UpstreamRequest request, Throwable error) {
        if (gatewayBusy(error)) {
            return new GatewayBusyException(request);
        }
        if (isTimeout(error)) {
            return new GatewayException(ErrorCode.UPSTREAM_TIMEOUT,
                    "Bitbucket did not answer in time for " + request.resource() + "; try again shortly.");
        }
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Bitbucket could not be reached for " + request.resource() + "; try again shortly.");
    }

    private static GatewayException outcomeUnknown(UpstreamRequest request) {
        return new GatewayException(ErrorCode.UPSTREAM_OUTCOME_UNKNOWN, "Bitbucket did not answer in time for "
                + request.resource() + " at " + request.path() + ", so whether it made the change is unknown: read "
                + "what it holds there now before sending the change again, or it may be made twice.");
    }

    private GatewayException statusFailure(UpstreamRequest request, ResponseEntity<byte[]> response, Object sent) {
        int status = response.getStatusCode().value();
        String what = request.resource() + " at " + request.path();
        return switch (status) {
            case 400 -> new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "Bitbucket rejected the request for " + what + upstreamMessage(response, sent), status, null);
            case 401 -> new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "Bitbucket did not accept the credential. Send 'Authorization: Bearer <access token>' or "
                            + "'Basic base64(email:api_token)' with a valid, unexpired credential.", status, null);
            case 403 -> new GatewayException(ErrorCode.FORBIDDEN,
                    "The credential is not allowed to access " + what + ": it lacks the scope (read:pipeline:"
                            + "bitbucket to read, write:pipeline:bitbucket to run or stop, admin:pipeline:bitbucket "
                            + "to configure) or the permission on this workspace.", status, null);
            case 404 -> new GatewayException(ErrorCode.NOT_FOUND,
                    "Bitbucket has no " + what + ", or the credential cannot see it.", status, null);
            case 409 -> new GatewayException(ErrorCode.CONFLICT,
                    "Bitbucket reported a conflict for " + what + upstreamMessage(response, sent), status, null);
            case 416 -> new LogRangeException(
                    "The requested range starts past the end of the log" + logSizeText(response) + ".",
                    logSize(response));
            case 429 -> new GatewayException(ErrorCode.RATE_LIMITED,
                    "Bitbucket's rate limit for this credential is used up; try again after "
                            + retryAfter(response) + " seconds.", status, retryAfter(response));
            // Any other 4xx (405, 410, 413, 422, ...) is still Bitbucket refusing this request, not failing: the
            // caller's to fix, so it is neither retried nor counted against the circuit breaker.
            default -> status >= 400 && status < 500
                    ? new GatewayException(ErrorCode.BAD_USER_INPUT, "Bitbucket rejected the request for " + what
                            + " (HTTP " + status + ")" + upstreamMessage(response, sent), status, null)
                    : new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                            "Bitbucket answered " + status + " for " + request.resource() + "; try again shortly.",
                            status, null);
        };
    }

    /**
     * Bitbucket's own one-line explanation of a rejected request, which is meant for its users, and nothing else of
     * its body. Its messages can echo the input, so the secrets the request sent (variable values, private keys) and
     * any credential are masked in it.
     */
    private String upstreamMessage(ResponseEntity<byte[]> response, Object sent) {
        try {
            JsonNode message = jsonMapper.readTree(response.getBody()).path("error").path("message");
            if (!message.isString() || message.asString().isBlank()) {
                return ".";
            }
            String text = message.asString();
            if (sent != null) {
                for (String secret : secretsIn(jsonMapper.valueToTree(sent))) {
                    text = text.replace(secret, Redactor.MASK);
                }
            }
            return ": " + Redactor.redact(text);
        }
        catch (RuntimeException unreadable) {
            return ".";
        }
    }

    /** The values of a request body's {@code value} and {@code private_key} fields, at any depth. */
    private static List<String> secretsIn(JsonNode body) {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isString()
                    && !field.getValue().asString().isBlank()) {
                secrets.add(field.getValue().asString());
            }
        }
        for (JsonNode child : body.values()) {
            secrets.addAll(secretsIn(child));
        }
        return secrets;
    }

    private static Long logSize(ResponseEntity<byte[]> response) {
        String contentRange = response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE);
        if (contentRange == null) {
            return null;
        }
        Matcher matcher = CONTENT_RANGE.matcher(contentRange);
        return matcher.find() && !"*".equals(matcher.group(3)) ? Long.parseLong(matcher.group(3)) : null;
    }

    private static String logSizeText(ResponseEntity<byte[]> response) {
        Long size = logSize(response);
        return size == null ? "" : " (" + size + " bytes)";
    }

    private static long retryAfter(ResponseEntity<byte[]> response) {
        String header = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return header == null ? 60 : Math.max(1, Long.parseLong(header.trim()));
        }
        catch (NumberFormatException httpDate) {
            return 60;
        }
    }

    private <T> T decode(UpstreamRequest request, byte[] body, JavaType type) {
        try {
            return jsonMapper.readValue(body, type);
        }
        catch (JacksonException unexpectedShape) {
            try {
                // One value of an unexpected shape must not cost the whole answer: read it again, tolerantly.
                return unreadableValues.read(body, type, request.resource() + " at " + request.path());
            }
            catch (RuntimeException malformed) {
                throw unreadable(request);
            }
        }
        catch (RuntimeException malformed) {
            throw unreadable(request);
        }
    }

    private static GatewayException unreadable(UpstreamRequest request) {
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Bitbucket sent an answer the gateway could not read for " + request.resource() + ".");
    }

    /** Closes the connections to Bitbucket with the application. */
    @Override
    public void destroy() {
        pool.dispose();
    }

    /** The REST root calls go to, with a path (the sandbox) resolved against this server's port. */
    String baseUrl() {
        String url = resolvedBaseUrl;
        if (url == null) {
            url = onThisServer(properties.baseUrl());
            resolvedBaseUrl = url;
        }
        return url;
    }

    /** The root of Bitbucket's web UI, for links people open; a path (the sandbox's pages) is resolved as above. */
    public String webUrl() {
        String url = resolvedWebUrl;
        if (url == null) {
            url = onThisServer(properties.webUrl());
            resolvedWebUrl = url;
        }
        return url;
    }

    private String onThisServer(String configured) {
        // A path names this very server (the sandbox): its port is known only once the server has started.
        String url = configured.startsWith("/")
                ? "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + configured
                : configured;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

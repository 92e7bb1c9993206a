package io.pipelinesgateway.bitbucket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.pipelinesgateway.cache.Freshness;
import io.pipelinesgateway.cache.ResponseCache;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.logging.RequestId;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Reads and changes below the endpoint layer: a read goes through the response cache, scoped to the credential it is
 * sent with, and is decoded; a change evicts what it made stale and is announced. The credential is decided from the
 * caller in the Reactor context ({@link CredentialSource}), before the cache is consulted and before any call, so no
 * code can forget it and none can pass another caller's.
 */
@Component
class BitbucketClient {

    /** A listing Bitbucket answered with 404 where that means "none" (told apart by identity). */
    private static final BitbucketPage<?> ABSENT_PAGE = new BitbucketPage<>(List.of(), 1, 0, 0, null);

    private final UpstreamExchange exchange;
    private final JsonMapper jsonMapper;
    private final ResponseCache cache;
    private final CachePolicy cachePolicy;
    private final BitbucketRateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final CredentialSource credentials;
    private final UnreadableValues unreadableValues;
    /** Each page type, built once: a warm read of a listing would build it again on every field. */
    private final Map<Class<?>, JavaType> pageTypes = new ConcurrentHashMap<>();

    BitbucketClient(UpstreamExchange exchange, JsonMapper jsonMapper, ResponseCache cache, CachePolicy cachePolicy,
            BitbucketRateLimits rateLimits, ApplicationEventPublisher events, CredentialSource credentials,
            UnreadableValues unreadableValues) {
        this.exchange = exchange;
        this.jsonMapper = jsonMapper;
        this.cache = cache;
        this.cachePolicy = cachePolicy;
        this.rateLimits = rateLimits;
        this.events = events;
        this.credentials = credentials;
        this.unreadableValues = unreadableValues;
    }

    /**
     * Reads one JSON object; empty for Bitbucket's 404 where its resource says that means "there is none yet"
     * ({@link UpstreamResource.NotFound#EMPTY}), which is then kept like the object would be ({@link #find}).
     */
    <T> Mono<T> get(UpstreamRequest request, Class<T> type) {
        if (request.resource().notFound() == UpstreamResource.NotFound.EMPTY) {
            return find(request, type);
        }
        JavaType javaType = jsonMapper.constructType(type);
        return cachedRead(request, null, false, ResponseEntity::getBody,
                bytes -> this.<T>decode(request, bytes, javaType),
                value -> cachePolicy.freshness(request, value));
    }

    /**
     * Reads one JSON object that may not exist: empty for Bitbucket's 404. The absence is cached as its request's
     * rule says ({@link CachePolicy#absence}): for a {@linkplain UpstreamRequest#settled() settled} request (a
     * completed step that reported no tests will never have a report) like completed data, so asking again costs
     * nothing; otherwise briefly, and longer while it stays absent, under a key of its own
     * ({@link UpstreamRequest#stateVariant()}) that the completed step's read never meets.
     */
    <T> Mono<T> find(UpstreamRequest request, Class<T> type) {
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
     * made it after the gateway stopped waiting. A change evicts what the cache holds below the collection it
     * changed, for every caller, and is announced ({@link UpstreamChanged}) to whoever watches that part of
     * Bitbucket.
     */
    <T> Mono<T> send(HttpMethod method, UpstreamRequest request, Object body, Class<T> type) {
        return Mono.deferContextual(context -> exchange.exchange(method, request, null, body,
                        Optional.ofNullable(credentials.credentialFor(context, request.workspace(), true)), false))
                .onErrorMap(error -> method == HttpMethod.POST && error instanceof GatewayException failure
                        && failure.code() == ErrorCode.UPSTREAM_TIMEOUT,
                        timedOut -> UpstreamFailures.outcomeUnknown(request))
                .flatMap(response -> cache.evictAfterChange(request.path()).thenReturn(response))
                .doOnNext(response -> events.publishEvent(UpstreamChanged.of(request)))
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
    <T> Mono<BitbucketPage<T>> readPage(UpstreamRequest request, Class<T> itemType, int page, int pageLength) {
        JavaType pageType = pageTypes.computeIfAbsent(itemType,
                type -> jsonMapper.getTypeFactory().constructParametricType(BitbucketPage.class, type));
        // The length is Listings' to choose, at most the longest each resource serves (PageLengths).
        UpstreamRequest paged = request.with("page", page).with("pagelen", pageLength);
        @SuppressWarnings("unchecked")
        BitbucketPage<T> absent = (BitbucketPage<T>) ABSENT_PAGE;
        return cachedRead(paged, null, CachePolicy.notFoundIsAbsence(request), ResponseEntity::getBody, bytes -> {
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
     * A GET through the response cache, scoped to the caller's credential: {@code stored} picks what of the answer
     * is kept, {@code decode} turns kept bytes into the value; with {@code notFoundAsEmpty} a 404 is an answer of
     * no bytes. A {@linkplain Read#LIVE live} request passes the cache by, in a single attempt; one that is
     * {@linkplain Read#LIVE_UNLESS_PROVEN live unless proven} goes through it where the credential's access to the
     * repository is proven within the access window.
     */
    <T> Mono<T> cachedRead(UpstreamRequest request, HttpHeaders headers, boolean notFoundAsEmpty,
            Function<ResponseEntity<byte[]>, byte[]> stored, Function<byte[], T> decode,
            Function<T, Freshness> freshness) {
        return Mono.deferContextual(context -> {
            // Refused here, before the cache: a caller never gets an entry of a workspace it may not read.
            Optional<Credential> credential = Optional.ofNullable(
                    credentials.credentialFor(context, request.workspace(), false));
            rateLimits.read(request.workspace());
            String variant = variant(request, headers == null ? null : headers.getFirst(HttpHeaders.RANGE));
            // Decoding may log (a value it could not read): the line carries the request id.
            Function<byte[], T> decoding = bytes -> RequestId.inMdc(context, () -> decode.apply(bytes));
            Supplier<Mono<T>> live = () -> fetch(request, headers, credential, false, notFoundAsEmpty, stored)
                    .map(decoding);
            // Scoped to the credential actually sent upstream; a repository's completed pipeline data is also
            // shared with the other readers who have proven access to that repository. A read answered without its
            // own call (a hit, or another read's call joined) saved one; one refused or failed saved none.
            Supplier<Mono<T>> cached = () -> cache.read(request.resource().metricName(), request.path(), variant,
                    credential.map(Credential::authorization).orElse(null), request.pipelinesOfRepository(),
                    Mono.defer(() -> fetch(request, headers, credential, true, notFoundAsEmpty, stored)), decoding,
                    freshness, rateLimits.savedCalls(request.workspace()));
            return switch (request.read()) {
                case CACHED -> cached.get();
                case LIVE -> live.get();
                case LIVE_UNLESS_PROVEN -> credential.isEmpty() || request.repository() == null ? live.get()
                        : cache.accessProvenWithinWindow(credential.get().authorization(), request.repository())
                                .flatMap(proven -> proven ? cached.get() : live.get());
            };
        });
    }

    /**
     * Whether the caller's credential's own cache entry for page {@code page} of {@code pageLength} of a listing is
     * there, fresh, as {@link #readPage} would read it through the cache: an answer that very credential fetched
     * ({@link ResponseCache#holdsOwn}), never the shared tier's. Neither reads it nor calls Bitbucket.
     */
    Mono<Boolean> pageHeld(UpstreamRequest request, int page, int pageLength) {
        return Mono.deferContextual(context -> {
            Credential credential = credentials.credentialFor(context, request.workspace(), false);
            UpstreamRequest paged = request.with("page", page).with("pagelen", pageLength);
            return cache.holdsOwn(paged.path(), variant(paged, null),
                    credential == null ? null : credential.authorization());
        });
    }

    /** What tells a read's cache entry apart beside its path: its query, its Range, the state it is read for. */
    private static String variant(UpstreamRequest request, String range) {
        return request.encodedQuery() + (range == null ? "" : "#" + range) + request.stateVariant();
    }

    /**
     * The call of a GET, assembled only when it runs: most reads are answered by the cache, and a call's retries and
     * circuit breaker are work a hit would throw away. {@code stored} picks what of the answer is kept; with
     * {@code notFoundAsEmpty} a 404 is an answer of no bytes.
     */
    private Mono<byte[]> fetch(UpstreamRequest request, HttpHeaders headers, Optional<Credential> credential,
            boolean retry, boolean notFoundAsEmpty, Function<ResponseEntity<byte[]>, byte[]> stored) {
        Mono<byte[]> fetch = Mono.defer(() -> exchange.exchange(HttpMethod.GET, request, headers, null, credential,
                        retry))
                .map(response -> {
                    byte[] bytes = stored.apply(response);
                    return bytes == null ? new byte[0] : bytes;
                });
        return notFoundAsEmpty ? fetch.onErrorResume(GatewayException.class, error -> notFound(error)
                ? Mono.just(new byte[0]) : Mono.error(error)) : fetch;
    }

    private <T> T decode(UpstreamRequest request, byte[] body, JavaType type) {
        try {
            return jsonMapper.readValue(body, type);
        }
        catch (JacksonException unexpectedShape) {
            try {
                // One value of an unexpected shape must not cost the whole answer: read it again, tolerantly.
                return unreadableValues.read(body, type, request.described());
            }
            catch (RuntimeException malformed) {
                throw UpstreamFailures.unreadable(request);
            }
        }
        catch (RuntimeException malformed) {
            throw UpstreamFailures.unreadable(request);
        }
    }

    /**
     * Whether Bitbucket answered 404: what a resource may mean as "there is none". Not a redirect the gateway does not
     * follow, which is NOT_FOUND too but says the thing is elsewhere, not that it is absent.
     */
    private static boolean notFound(GatewayException error) {
        return error.code() == ErrorCode.NOT_FOUND && Integer.valueOf(404).equals(error.upstreamStatus())
                && !(error instanceof RepositoryHiddenException);
    }
}

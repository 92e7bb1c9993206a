package io.pipelinesgateway.bitbucket;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pipelinesgateway.cache.Freshness;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Log ranges: reads part of a text/plain log with an HTTP Range header, so a large log costs only the bytes asked
 * for, and keeps a slice in the cache as its offset, its log's size and its bytes.
 */
@Component
class LogRanges {

    private static final Pattern RANGE_START = Pattern.compile("bytes=(\\d+)-");

    private final BitbucketClient client;
    private final CachePolicy cachePolicy;

    LogRanges(BitbucketClient client, CachePolicy cachePolicy) {
        this.client = client;
        this.cachePolicy = cachePolicy;
    }

    /**
     * Reads part of a log with an HTTP Range header value such as {@code bytes=0-1023} or {@code bytes=-4096}. A
     * range that starts exactly at the end gives an empty slice (nothing new yet), and so does a suffix range of an
     * empty log; one that starts past the end is BAD_USER_INPUT.
     * <p>
     * A step that has written no log (Bitbucket's 404) reads as {@link LogSlice#NONE}, cached as the request's
     * absence rule says. A {@linkplain UpstreamRequest#settled() settled} request's log (its step completed) will not
     * grow any more, which lets it be cached.
     */
    Mono<LogSlice> read(UpstreamRequest request, String range) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM));
        headers.set(HttpHeaders.RANGE, range);
        long requestedStart = requestedStart(range);
        return client.cachedRead(request, headers, true, LogRanges::encodeSlice, LogRanges::decodeSlice,
                        slice -> slice == LogSlice.NONE ? cachePolicy.absenceFreshness(request)
                                : Freshness.fixed(cachePolicy.timeToLive(request, slice)))
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
            Matcher matcher = UpstreamFailures.CONTENT_RANGE.matcher(
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

    private static long requestedStart(String range) {
        Matcher matcher = RANGE_START.matcher(range);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}

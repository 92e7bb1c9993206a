package io.pipelinesgateway.bitbucket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Reads a log from where Bitbucket keeps it once its step has completed. Bitbucket then answers the log's read with a
 * redirect (307) to a pre-signed address in its long-term storage: the address carries its own authorization, so the
 * credential is never sent there (a pre-signed store refuses a request that has both), only what the read asked for
 * (the Range, what types it accepts). The address is a capability of its own, so it is never put in an error or
 * kept, and the log lines that print it (the HTTP client's, at DEBUG) have its signature masked by the
 * {@code Redactor}. The storage is another server than Bitbucket's API, so it has a client of its own: the JDK's,
 * over HTTP/1.1, as pre-signed stores speak it.
 */
@Component
class LogStorage {

    /** What is passed on to the storage of what the read sent Bitbucket: never its credential. */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.RANGE, HttpHeaders.ACCEPT);
    /** What is kept of the storage's answer: what reading a log's slice needs. */
    private static final List<String> KEPT = List.of(HttpHeaders.CONTENT_RANGE, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH);

    private final HttpClient client;
    private final BitbucketProperties properties;
    private final BitbucketAddresses addresses;

    LogStorage(BitbucketProperties properties, BitbucketAddresses addresses, OutboundConnections outbound) {
        // Further redirects are followed, never from https to http; nothing here adds a credential to any of them.
        this.client = outbound.storage(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(properties.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NORMAL))
                .build();
        this.properties = properties;
        this.addresses = addresses;
    }

    /** Whether Bitbucket answered the read of a log by sending it to where the log is kept. */
    static boolean redirected(UpstreamRequest request, ResponseEntity<byte[]> answer) {
        return request.resource().keptInStorage() && answer.getStatusCode().is3xxRedirection()
                && answer.getHeaders().getFirst(HttpHeaders.LOCATION) != null;
    }

    /**
     * Reads the log Bitbucket's {@code redirect} points at, with the Range and Accept of {@code sent}. A success
     * (200, 206) or a range past the end (416) is the log's answer; any other answer, an address that is neither
     * https nor of Bitbucket's own scheme, or no answer in time, is UPSTREAM_UNAVAILABLE, which a read retries (and
     * so asks Bitbucket for a fresh address).
     */
    Mono<ResponseEntity<byte[]>> read(UpstreamRequest request, URI asked, ResponseEntity<byte[]> redirect,
            HttpHeaders sent) {
        URI location;
        try {
            location = asked.resolve(redirect.getHeaders().getFirst(HttpHeaders.LOCATION));
        }
        catch (IllegalArgumentException unreadable) {
            return Mono.error(unavailable(request, "sent an address the gateway could not read"));
        }
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals(URI.create(addresses.baseUrl()).getScheme())) {
            return Mono.error(unavailable(request, "sent an address the gateway does not follow (neither https nor "
                    + "of Bitbucket's own scheme)"));
        }
        HttpRequest.Builder storageRequest = HttpRequest.newBuilder(location).GET().timeout(properties.timeout());
        if (sent != null) {
            for (String name : PASSED_ON) {
                for (String value : sent.getOrEmpty(name)) {
                    storageRequest.header(name, value);
                }
            }
        }
        return Mono.fromFuture(() -> client.sendAsync(storageRequest.build(), HttpResponse.BodyHandlers.ofByteArray()))
                .onErrorMap(error -> !(error instanceof GatewayException),
                        error -> unavailable(request, "did not answer in time, or could not be reached"))
                .flatMap(answer -> {
                    int status = answer.statusCode();
                    if (status / 100 != 2 && status != HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value()) {
                        return Mono.error(unavailable(request, "answered " + status));
                    }
                    HttpHeaders headers = new HttpHeaders();
                    for (String name : KEPT) {
                        answer.headers().firstValue(name).ifPresent(value -> headers.set(name, value));
                    }
                    return Mono.just(ResponseEntity.status(status).headers(headers).body(answer.body()));
                });
    }

    private static GatewayException unavailable(UpstreamRequest request, String what) {
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE, "The storage Bitbucket keeps completed logs in "
                + what + " for " + request.resource() + "; try again shortly.");
    }
}

package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.bitbucket.spec.BitbucketSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the sandbox over real HTTP and keeps each answer whole (status, headers, raw body), so tests can both assert
 * on it and check it against Bitbucket's spec.
 */
final class SandboxHttp {

    static final String ROOT = "/sandbox/2.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final int port;

    SandboxHttp(WebTestClient client, int port) {
        // Generous: a busy CI machine can take seconds over a cold first request; a hang still fails the test.
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.port = port;
    }

    /** A uuid (or anything) as one path segment: braces are not allowed raw in a URI. */
    static String seg(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /** A response: what the sandbox sent, for the request that produced it. */
    record Reply(String method, String path, int status, HttpHeaders headers, byte[] bytes) {

        String body() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? null : type.toString();
        }

        JsonNode json() {
            return JSON.readTree(body());
        }

        /** Asserts the response conforms to Bitbucket's spec, and returns it for further assertions. */
        Reply conforms() {
            BitbucketSpec.assertConforms(method, path, status, contentType(), body());
            return this;
        }

        /** The {@code values} of a paginated response. */
        List<JsonNode> values() {
            return new ArrayList<>(json().path("values").values());
        }
    }

    /** GET a path below {@code /sandbox/2.0}; {@code headers} are name, value pairs. */
    Reply get(String path, String... headers) {
        return send(HttpMethod.GET, path, null, headers);
    }

    Reply post(String path, String jsonBody, String... headers) {
        return send(HttpMethod.POST, path, jsonBody, headers);
    }

    /**
     * Sends a request below {@code /sandbox/2.0}. A completed step's log is answered with a redirect to where it is
     * kept: that redirect is checked against the spec and followed, as an HTTP client does, without the credential
     * (the storage refuses one), so the reply is the log's.
     */
    Reply send(HttpMethod method, String path, String jsonBody, String... headers) {
        Reply reply = exchange(method, URI.create("http://localhost:" + port + ROOT + path), path, jsonBody, headers);
        URI location = reply.headers().getLocation();
        if (reply.status() != 307 || location == null || !location.getPath().startsWith(SandboxLogStorage.PREFIX)) {
            return reply;
        }
        reply.conforms();
        List<String> withoutCredential = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i].equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
                withoutCredential.addAll(List.of(headers[i], headers[i + 1]));
            }
        }
        return exchange(method, location, path, null, withoutCredential.toArray(String[]::new));
    }

    /** The answer to one request, kept as the reply to {@code path} (the API path the spec checks it as). */
    Reply exchange(HttpMethod method, URI uri, String path, String jsonBody, String... headers) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        WebTestClient.RequestHeadersSpec<?> ready = jsonBody == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(jsonBody);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody(byte[].class).returnResult();
        return new Reply(method.name(), path, result.getStatus().value(), result.getResponseHeaders(),
                result.getResponseBody());
    }
}

package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The fake Bitbucket's answers, all kept as files under {@code src/test/resources/payloads/}, and
 * {@code payloads/index.json}, which names the request each file answers:
 * <pre>
 * "pipelines-250-page2.json": {
 *   "method": "GET",
 *   "path": "/repositories/acme/api/pipelines/",          // below the REST root (/2.0), percent-encoded as sent
 *   "query": "sort=-created_on&amp;page=2&amp;pagelen=100",      // optional: the exact query string the gateway sends
 *   "status": 200,
 *   "contentType": "application/json"                      // or text/plain for logs
 * }
 * </pre>
 * A conformance test can validate each file against Bitbucket's spec with {@code method}, {@code path + "?" + query},
 * {@code status} and {@code contentType}. The tests stub from the same entries ({@link #stub(String)}), so an entry
 * that does not name the request the gateway really makes fails the tests that use it.
 */
public final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Entry> INDEX = loadIndex();

    private Payloads() {
    }

    /**
     * One indexed payload and the request it answers.
     *
     * @param query the raw query string without '?', or null
     */
    public record Entry(String file, String method, String path, String query, int status, String contentType) {

        /** The query parameters, decoded, grouped by name in order (a name such as {@code status} may repeat). */
        public Map<String, List<String>> queryParameters() {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return parameters;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
            }
            return parameters;
        }

        private static String decode(String value) {
            // URLDecoder turns '+' into a space; the gateway encodes spaces as %20 and sends '+' as is.
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }

    /** Every indexed payload by file name. */
    public static Map<String, Entry> index() {
        return INDEX;
    }

    public static Entry entry(String file) {
        Entry entry = INDEX.get(file);
        if (entry == null) {
            throw new IllegalArgumentException("payloads/index.json has no entry for " + file);
        }
        return entry;
    }

    public static byte[] bytes(String file) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No payload file payloads/" + file);
            }
            return in.readAllBytes();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** The indexed answer of a file: its status, content type and body. */
    public static ResponseDefinitionBuilder response(String file) {
        Entry entry = entry(file);
        return aResponse()
                .withStatus(entry.status())
                .withHeader("Content-Type", entry.contentType())
                .withBody(bytes(file));
    }

    /**
     * A stub that answers exactly the request the index names for {@code file} (method, path, and every query
     * parameter with exactly its values) with the file's indexed answer.
     */
    public static MappingBuilder stub(String file) {
        Entry entry = entry(file);
        MappingBuilder mapping = WireMock.request(entry.method(), urlPathEqualTo(FakeBitbucket.api(entry.path())));
        entry.queryParameters().forEach((name, values) ->
                mapping.withQueryParam(name, havingExactly(values.toArray(String[]::new))));
        return mapping.willReturn(response(file));
    }

    private static Map<String, Entry> loadIndex() {
        Map<String, Map<String, Object>> raw = JSON.readValue(bytes("index.json"), new TypeReference<>() {
        });
        Map<String, Entry> index = new LinkedHashMap<>();
        raw.forEach((file, fields) -> index.put(file, new Entry(file, (String) fields.get("method"),
                (String) fields.get("path"), (String) fields.get("query"), ((Number) fields.get("status")).intValue(),
                (String) fields.get("contentType"))));
        return Map.copyOf(index);
    }
}

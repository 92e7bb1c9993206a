package io.pipelinesgateway.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Makes the fake Bitbucket serve its text/plain logs the way the real one does: a request with
 * {@code Range: bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} gets {@code 206 Partial Content} with the bytes and
 * a {@code Content-Range}; a range that starts at or past the end gets {@code 416} with {@code Content-Range: bytes
 * *&#47;size} and Bitbucket's error body ({@code payloads/log-range-not-satisfiable.json}). Requests without a Range
 * header get the whole log with 200.
 */
public final class HttpRangeTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "bitbucket-http-range";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition response = serveEvent.getResponseDefinition();
        String range = serveEvent.getRequest().getHeader("Range");
        if (range == null || response.getStatus() != 200 || response.getFault() != null
                || !"text/plain".equals(response.getHeaders().getContentTypeHeader().mimeTypePart())) {
            return response;
        }
        byte[] log = response.getByteBody() == null ? new byte[0] : response.getByteBody();
        Matcher matcher = RANGE.matcher(range.trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return response; // not a range this server understands: RFC 9110 says ignore it
        }
        long size = log.length;
        long start;
        long end;
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            if (suffix == 0 || size == 0) {
                return notSatisfiable(response, size);
            }
            start = Math.max(0, size - suffix);
            end = size - 1;
        }
        else {
            start = Long.parseLong(matcher.group(1));
            end = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
            if (start >= size || end < start) {
                return notSatisfiable(response, size);
            }
        }
        return ResponseDefinitionBuilder.like(response).but()
                .withStatus(206)
                .withHeaders(new HttpHeaders(
                        new HttpHeader("Content-Type", "text/plain"),
                        new HttpHeader("Content-Range", "bytes " + start + "-" + end + "/" + size),
                        new HttpHeader("Accept-Ranges", "bytes")))
                .withBody(Arrays.copyOfRange(log, (int) start, (int) end + 1))
                .build();
    }

    private static ResponseDefinition notSatisfiable(ResponseDefinition response, long size) {
        return ResponseDefinitionBuilder.like(response).but()
                .withStatus(416)
                .withHeaders(new HttpHeaders(
                        new HttpHeader("Content-Type", "application/json"),
                        new HttpHeader("Content-Range", "bytes */" + size)))
                .withBody(Payloads.text("log-range-not-satisfiable.json").getBytes(StandardCharsets.UTF_8))
                .build();
    }
}

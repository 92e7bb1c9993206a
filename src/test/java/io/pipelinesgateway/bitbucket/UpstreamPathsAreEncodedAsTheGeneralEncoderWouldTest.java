package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path of an upstream request, which every cached read builds, is encoded in place for slugs and braced UUIDs,
 * and must read exactly as Spring's general encoder writes each segment: the cache keys and the calls depend on it.
 */
class UpstreamPathsAreEncodedAsTheGeneralEncoderWouldTest {

    @ParameterizedTest
    @ValueSource(strings = {"api", "my.repo_name-2~x", "{6c7d3f5e-4b1a-4e2b-9c8d-1a2b3c4d5e6f}", "{}", "a{b}c",
            "a b", "{a b}", "a{b c}", "é", "{é}", "50%", "a+b", "a/b"})
    void aSegmentIsEncodedAsTheGeneralEncoderWouldEncodeIt(String segment) {
        UpstreamRequest request = UpstreamRequest.of(UpstreamResource.STEP, List.of("repositories", "acme"),
                segment, "pipelines", "{6c7d3f5e-4b1a-4e2b-9c8d-1a2b3c4d5e6f}", "steps", "");

        assertThat(request.path()).isEqualTo("/repositories/acme/" + encoded(segment)
                + "/pipelines/%7B6c7d3f5e-4b1a-4e2b-9c8d-1a2b3c4d5e6f%7D/steps/");
    }

    private static String encoded(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }
}

package io.pipelinesgateway.bitbucket.spec;

import java.util.stream.Stream;

import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every body the WireMock stubs answer with (each file of {@code payloads/index.json}) conforms to Bitbucket's spec
 * for the request it answers, so the upstream tests cannot drift from the real API.
 * <p>
 * Bitbucket answers every failure with its one {@code error} shape, also with statuses the spec does not list for a
 * path (a 429 or a 502 on a pipeline, say); such a body is checked against the error shape as the 404 of the same
 * path, which the spec does define. A status the spec (or its quirks overlay) lists is checked as itself.
 */
class PayloadsConformToBitbucketSpecTest {

    static Stream<String> payloads() {
        return Payloads.index().keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void eachStubBodyConformsToTheSpecForTheRequestItAnswers(String file) {
        Payloads.Entry entry = Payloads.entry(file);
        String path = entry.path() + (entry.query() == null || entry.query().isEmpty() ? "" : "?" + entry.query());
        String body = Payloads.text(file);
        int status = entry.status() >= 400 && BitbucketSpec.violations(entry.method(), path, entry.status(),
                        entry.contentType(), body).stream()
                .anyMatch(violation -> violation.startsWith("validation.response.status.unknown")) ? 404 : entry.status();
        if (body.isEmpty() && entry.contentType().startsWith("text/plain")) {
            // An empty log is an empty string, which the schema allows; the validator, though, reads zero bytes as
            // no body at all. The path, status and content type are what is left to check.
            body = "\n";
        }
        BitbucketSpec.assertConforms(entry.method(), path, status, entry.contentType(), body);
    }
}

package io.pipelinesgateway.logging;

import io.pipelinesgateway.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redactor masks credentials however a line prints them (what authorizes a pre-signed address too), and leaves
 * everything else as it was.
 */
class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Authorization: Bearer abc.def-ghi                 | Authorization: [REDACTED]",
            "authorization=Basic YWRhOnNlY3JldA==               | authorization=[REDACTED]",
            "{Authorization=[Bearer abc], Accept=[*/*]}          | {Authorization=[[REDACTED]], Accept=[*/*]}",
            "[Authorization:\"Bearer abc\", Accept:\"*/*\"]      | [Authorization:\"[REDACTED]\", Accept:\"*/*\"]",
            "{\"authorization\": \"Token abc\"}                  | {\"authorization\": \"[REDACTED]\"}",
            "Proxy-Authorization: Digest u=\"a\"                 | Proxy-Authorization: [REDACTED]",
            "X-API-Key: k-123                                   | X-API-Key: [REDACTED]",
            "x-api-key=k-123; other=1                           | x-api-key=[REDACTED]; other=1",
            "sent bearer abc.def to the server                  | sent bearer [REDACTED] to the server",
            "credential Basic YWRhOnNlY3JldA== refused          | credential Basic [REDACTED] refused",
            "send https://s.example/b.txt?X-Amz-Expires=300&X-Amz-Credential=AKIA%2F1&X-Amz-Signature=5ec GET"
                    + " | send https://s.example/b.txt?X-Amz-Expires=300&X-Amz-Credential=[REDACTED]"
                    + "&X-Amz-Signature=[REDACTED] GET",
            "GET /2.0/user?access_token=t0k3n answered 200      | GET /2.0/user?access_token=[REDACTED] answered 200"})
    void masksAHeaderOrCredential(String line, String masked) {
        assertThat(Redactor.redact(line)).isEqualTo(masked);
    }

    @Test
    void masksTheBearerTokenAndBasicCredentialOfTheFixtures() {
        String line = "tried " + Fixtures.bearer() + " then " + Fixtures.basic();

        assertThat(Redactor.redact(line)).isEqualTo("tried Bearer [REDACTED] then Basic [REDACTED]");
    }

    @Test
    void masksTheBodiesSpringsCodecsPrintAtDebugAndTrace() {
        String debug = "[5319759b-1] Decoded [{\"key\":\"TOKEN\",\"value\":\"hunter2\",\"secured\":true}]";
        String trace = "[1b9785aa] Encoding [{query=mutation { x }, variables={value=hunter2,\nsecured=true}}]\n";

        assertThat(Redactor.redact(debug)).isEqualTo("[5319759b-1] Decoded [REDACTED]");
        assertThat(Redactor.redact(trace)).isEqualTo("[1b9785aa] Encoding [REDACTED]\n");
        assertThat(Redactor.redact("Decoded 3 pages")).isEqualTo("Decoded 3 pages");
    }

    @Test
    void masksAPrivateKeyBlockAcrossLines() {
        String line = "key: -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz\naC1rZXk=\n"
                + "-----END OPENSSH PRIVATE KEY-----\npublic: ssh-ed25519 AAAA me@host";

        assertThat(Redactor.redact(line)).isEqualTo("key: -----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]"
                + "-----END OPENSSH PRIVATE KEY-----\npublic: ssh-ed25519 AAAA me@host");
    }

    @Test
    void masksAPrivateKeyThatWasCutOffUpToTheEndOfTheLine() {
        assertThat(Redactor.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n"))
                .isEqualTo("-----BEGIN RSA PRIVATE KEY-----[REDACTED]\n");
    }

    @Test
    void leavesALineWithoutCredentialsAsItWas() {
        String line = "query Dashboard ok in 27 ms; GET /2.0/repositories/acme/api/pipelines/ answered 200";

        assertThat(Redactor.redact(line)).isSameAs(line);
    }
}

package io.pipelinesgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A delivery is Bitbucket's only when {@code X-Hub-Signature} is the HMAC-SHA256 of its raw body with the secret. */
class WebhookSignatureTest {

    private static final byte[] BODY = "{\"repository\":{\"full_name\":\"acme/api\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureOfTheBodyWithTheSecretIsAccepted() {
        String signature = "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign("s3cret", BODY));

        assertThat(WebhookSignature.valid("s3cret", BODY, signature)).isTrue();
        assertThat(WebhookSignature.valid("s3cret", BODY, signature.toUpperCase().replace("SHA256=", "sha256=")))
                .as("hex in capitals").isTrue();
    }

    @Test
    void anotherSecretAnotherBodyOrAMalformedHeaderIsRefused() {
        String signature = "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign("s3cret", BODY));

        assertThat(WebhookSignature.valid("other", BODY, signature)).isFalse();
        assertThat(WebhookSignature.valid("s3cret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignature.valid("s3cret", BODY, signature.substring(7))).isFalse();
        assertThat(WebhookSignature.valid("s3cret", BODY, "sha256=zz")).isFalse();
        assertThat(WebhookSignature.valid("s3cret", BODY, null)).isFalse();
        assertThat(WebhookSignature.valid("", BODY, signature)).isFalse();
    }
}

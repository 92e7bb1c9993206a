package io.pipelinesgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import io.pipelinesgateway.support.LiveSandboxTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket signs a delivery's body only, so a signed delivery is acted on once: sent again with the same
 * {@code X-Request-UUID} within the replay window it is refused with 409, and one without an
 * {@code X-Request-UUID} with 400. A {@code repository.full_name} that is no workspace and repository slug (such as
 * {@code acme/..}) is refused with 400 before it becomes part of any path.
 */
@LiveSandboxTest
class ReplayedOrMisnamedDeliveriesAreRefusedTest {

    private static final String HOOK = "{" + UUID.randomUUID() + "}";

    @LocalServerPort
    int port;

    @Test
    void aDeliverySentAgainIsRefusedAndANewOneOfTheSameBodyIsNot() {
        byte[] body = body("acme/infra");
        String requestUuid = UUID.randomUUID().toString();

        deliver(body, requestUuid).expectStatus().isAccepted();
        deliver(body, requestUuid).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.status").isEqualTo("refused");
        deliver(body, UUID.randomUUID().toString()).expectStatus().isAccepted();
    }

    @Test
    void aDeliveryWithoutARequestUuidIsRefused() {
        deliver(body("acme/infra"), null).expectStatus().isBadRequest();
    }

    @Test
    void aRepositoryFullNameThatIsNoSlugsIsRefused() {
        for (String fullName : new String[] {"acme/..", "../..", "acme/.", "acme/a/b", "ac me/infra"}) {
            deliver(body(fullName), UUID.randomUUID().toString()).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").value(String.class, message ->
                            assertThat(message).contains("full_name"));
        }
    }

    private static byte[] body(String fullName) {
        return ("{\"repository\": {\"type\": \"repository\", \"full_name\": \"" + fullName + "\"},"
                + " \"commit_status\": {\"state\": \"INPROGRESS\", \"key\": \"pipeline\", \"refname\": \"main\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec deliver(byte[] body, String requestUuid) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .build()
                .post().uri("/webhooks/bitbucket")
                .header("X-Event-Key", "repo:commit_status_updated")
                .header("X-Hook-UUID", HOOK)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(
                        WebhookSignature.sign(LiveSandboxTest.WEBHOOK_SECRET, body)));
        if (requestUuid != null) {
            request.header("X-Request-UUID", requestUuid);
        }
        return request.bodyValue(body).exchange();
    }
}

package io.pipelinesgateway.limits;

import java.time.Duration;

import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribing is an operation like any other, over Server-Sent Events and over a WebSocket alike: a client past its
 * allowance is refused RATE_LIMITED before the subscription starts, so it starts no watcher and reads nothing.
 */
class SubscriptionsCountAgainstTheRateLimitTest extends RateLimitedGatewayTest {

    private static final String SUBSCRIPTION = """
            subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""";
    private static final String FIELD = "pipelineStatusChanged";

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aClientPastItsAllowanceCannotSubscribe(Subscriptions transport) {
        String client = newClient();
        rawResponse(client, TYPENAME);
        rawResponse(client, TYPENAME);

        assertRefused(transport.subscribe("http://localhost:" + port, client, SUBSCRIPTION, FIELD));
    }

    @Test
    void aCredentialGivenInTheConnectionInitPayloadIsTheSameClientAsInAHeader() {
        String client = newClient();
        rawResponse(client, TYPENAME);
        rawResponse(client, TYPENAME);

        assertRefused(Subscriptions.webSocketWithInitPayload("http://localhost:" + port, client, SUBSCRIPTION, FIELD));
    }

    private void assertRefused(Flux<JsonNode> subscription) {
        Throwable refused = subscription.then()
                .timeout(Duration.ofSeconds(10))
                .materialize().block().getThrowable();

        assertThat(refused).isInstanceOfSatisfying(Subscriptions.Failure.class,
                failure -> assertThat(failure.codes()).containsExactly("RATE_LIMITED"));
        assertThat(upstreamRequests()).isEmpty();
    }
}

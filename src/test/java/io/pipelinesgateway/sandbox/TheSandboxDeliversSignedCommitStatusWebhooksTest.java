package io.pipelinesgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pipelinesgateway.support.SandboxClient;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox tells the gateway of its pipelines as Bitbucket would: a run started with {@code runPipeline} brings a
 * {@code repo:commit_status_created} delivery, its completion a {@code repo:commit_status_updated} one, each POSTed
 * over real HTTP to the gateway's own {@code /webhooks/bitbucket}, signed with the sandbox profile's demo secret,
 * and accepted (202). The deliveries are seen on their way in, by a filter in front of the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.sandbox.step-seconds=7"})
@ActiveProfiles("sandbox")
@Import({TestClock.Configuration.class, TheSandboxDeliversSignedCommitStatusWebhooksTest.Deliveries.class})
class TheSandboxDeliversSignedCommitStatusWebhooksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A delivery as the gateway received it, and what it answered. */
    record Delivery(HttpHeaders headers, byte[] body, HttpStatusCode answer) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Records each request to {@code /webhooks/bitbucket} with the gateway's answer, and passes it on untouched. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Deliveries {

        final List<Delivery> received = new CopyOnWriteArrayList<>();

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter recordWebhookDeliveries() {
            return (exchange, chain) -> {
                if (!exchange.getRequest().getPath().value().equals("/webhooks/bitbucket")) {
                    return chain.filter(exchange);
                }
                return DataBufferUtils.join(exchange.getRequest().getBody()).flatMap(buffer -> {
                    byte[] body = new byte[buffer.readableByteCount()];
                    buffer.read(body);
                    DataBufferUtils.release(buffer);
                    ServerHttpRequestDecorator replayed = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<org.springframework.core.io.buffer.DataBuffer> getBody() {
                            return Flux.just(exchange.getResponse().bufferFactory().wrap(body));
                        }
                    };
                    return chain.filter(exchange.mutate().request(replayed).build())
                            .doOnSuccess(done -> received.add(new Delivery(exchange.getRequest().getHeaders(), body,
                                    exchange.getResponse().getStatusCode())));
                });
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Deliveries deliveries;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aRunBringsASignedCreatedDeliveryWhenItStartsAndAnUpdatedOneWhenItCompletes() throws Exception {
        String uuid = new SandboxClient("http://127.0.0.1:" + port).run("acme/infra", "main");
        String key = uuid.replace("{", "").replace("}", "");

        Delivery created = awaitDelivery(key, status -> status.path("state").asString().equals("INPROGRESS"));
        clock.advance(Duration.ofMinutes(5));
        Delivery completed = awaitDelivery(key, status -> status.path("state").asString().equals("SUCCESSFUL"));

        assertThat(created.headers().getFirst("X-Event-Key")).isEqualTo("repo:commit_status_created");
        assertThat(completed.headers().getFirst("X-Event-Key")).isEqualTo("repo:commit_status_updated");
        for (Delivery delivery : List.of(created, completed)) {
            assertThat(delivery.answer().value()).as("the gateway accepted it").isEqualTo(202);
            assertThat(delivery.headers().getFirst("X-Hub-Signature"))
                    .isEqualTo("sha256=" + hmac(TestSecrets.SANDBOX_DEMO_WEBHOOK_SECRET, delivery.body()));
            assertThat(delivery.headers().getFirst("User-Agent")).isEqualTo("Bitbucket-Webhooks/2.0");
            assertThat(delivery.headers().getFirst("Content-Type")).startsWith("application/json");
            JsonNode body = delivery.json();
            assertThat(body.path("repository").path("full_name").asString()).isEqualTo("acme/infra");
            assertThat(body.path("repository").path("type").asString()).isEqualTo("repository");
            assertThat(body.path("repository").path("uuid").asString()).startsWith("{");
            assertThat(body.path("actor").path("type").asString()).isEqualTo("user");
            JsonNode status = body.path("commit_status");
            assertThat(status.path("type").asString()).isEqualTo("commit_status");
            assertThat(status.path("refname").asString()).isEqualTo("main");
            assertThat(status.path("commit").path("hash").asString()).matches("[0-9a-f]{40}");
            assertThat(status.path("name").asString()).startsWith("Pipeline #");
            assertThat(status.path("url").asString()).contains("/acme/infra/pipelines/results/");
            assertThat(status.path("created_on").asString()).isNotEmpty();
            assertThat(status.path("updated_on").asString()).isNotEmpty();
        }
        assertThat(completed.headers().getFirst("X-Request-UUID"))
                .isNotEqualTo(created.headers().getFirst("X-Request-UUID"));
        assertThat(completed.headers().getFirst("X-Hook-UUID")).isEqualTo(created.headers().getFirst("X-Hook-UUID"));
    }

    private Delivery awaitDelivery(String key, Predicate<JsonNode> status) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> deliveries.received.stream()
                .filter(delivery -> {
                    JsonNode commitStatus = delivery.json().path("commit_status");
                    return commitStatus.path("key").asString().equals(key) && status.test(commitStatus);
                })
                .findFirst().orElse(null), found -> found != null);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}

package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The sandbox's edge: which credentials it refuses, how it delays responses, and trailing slashes. */
class SandboxWebFilterTest {

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheLiteralInvalidAndForbiddenCredentialsAreRefused() {
        assertThat(SandboxWebFilter.check("Bearer invalid")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SandboxWebFilter.check("Bearer forbidden")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(SandboxWebFilter.check(basic("me@example.com", "invalid"))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SandboxWebFilter.check(basic("me@example.com", "forbidden"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(SandboxWebFilter.check("Basic not-base64!")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SandboxWebFilter.check(null)).isNull();
        assertThat(SandboxWebFilter.check("Bearer anything-else")).isNull();
        assertThat(SandboxWebFilter.check(basic("invalid", "token"))).as("only the secret counts").isNull();
    }

    @Test
    void theConfiguredLatencyDelaysTheResponseWithoutBlocking() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/sandbox/2.0/user"));
        StepVerifier.withVirtualTime(() -> new SandboxWebFilter(new SandboxProperties(3, 250, 0, 0, false),
                        e -> Mono.empty(), VirtualTimeScheduler.get())
                        .filter(exchange, e -> Mono.error(new AssertionError())))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .verifyComplete();
    }

    @Test
    void pathsOutsideTheSandboxAreNeitherDelayedNorChecked() {
        SandboxWebFilter filter = new SandboxWebFilter(new SandboxProperties(3, 60_000, 0, 0, false),
                e -> Mono.error(new AssertionError("only the sandbox's requests reach its handlers")),
                Schedulers.immediate());
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/graphql")
                .header("Authorization", "Bearer invalid"));
        StepVerifier.create(filter.filter(exchange, e -> Mono.empty())).expectComplete()
                .verify(Duration.ofSeconds(1));
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void aTrailingSlashIsDroppedBeforeRouting() {
        AtomicReference<String> routed = new AtomicReference<>();
        SandboxWebFilter filter = new SandboxWebFilter(new SandboxProperties(3, 0, 0, 0, false),
                (ServerWebExchange e) -> {
                    routed.set(e.getRequest().getURI().getRawPath() + "?" + e.getRequest().getURI().getRawQuery());
                    return Mono.empty();
                }, Schedulers.immediate());
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/sandbox/2.0/repositories/acme/api/pipelines/?page=2"));
        filter.filter(exchange, e -> Mono.error(new AssertionError())).block(Duration.ofSeconds(1));
        assertThat(routed.get()).isEqualTo("/sandbox/2.0/repositories/acme/api/pipelines?page=2");
    }

    @Test
    void theSandboxsRequestsAreAnsweredByItsHandlersAndPassNoFilterAfterItsOwn() {
        List<String> answered = new ArrayList<>();
        SandboxWebFilter filter = new SandboxWebFilter(new SandboxProperties(3, 0, 0, 0, false), e -> {
            answered.add(e.getRequest().getPath().value());
            return Mono.empty();
        }, Schedulers.immediate());
        WebFilterChain gatewaysFilters = e -> Mono.error(new AssertionError("a Bitbucket answer passes no filter "
                + "of the gateway's"));
        for (String path : List.of("/sandbox/2.0/user", "/sandbox/storage/logs/object-1")) {
            filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), gatewaysFilters)
                    .block(Duration.ofSeconds(1));
        }
        assertThat(answered).containsExactly("/sandbox/2.0/user", "/sandbox/storage/logs/object-1");
    }
}

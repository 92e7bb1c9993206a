package io.pipelinesgateway.support;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A running gateway ({@code RANDOM_PORT}) whose Bitbucket is a WireMock server with no stubs: it answers 404 to
 * everything and records every request, so a test can show that a query never reached upstream. The properties
 * here (and a browser origin allowed by CORS) are the same for every subclass, so they share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.cors.allowed-origins=" + RecordingUpstreamGatewayTest.ALLOWED_ORIGIN)
public abstract class RecordingUpstreamGatewayTest {

    /** The one browser origin the gateway under test lets call {@code /graphql}. */
    public static final String ALLOWED_ORIGIN = "https://portal.example.com";

    private static final WireMockServer UPSTREAM = startUpstream();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void pointTheGatewayAtTheRecordingUpstream(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.base-url", () -> UPSTREAM.baseUrl() + "/2.0");
        // A 404 is not retried, but keep any retry short so a failing test fails fast.
        registry.add("gateway.bitbucket.retries", () -> "0");
    }

    @BeforeEach
    void forgetEarlierUpstreamRequests() {
        UPSTREAM.resetRequests();
    }

    /** A GraphQL client of the gateway that sends a (made-up) Bearer credential, as a real caller would. */
    protected HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(http("/graphql").mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer test-token")
                .build());
    }

    /** A plain HTTP client of one of the gateway's paths. */
    protected WebTestClient http(String path) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + path)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Every request the upstream received since the test started. */
    protected static List<LoggedRequest> upstreamRequests() {
        return UPSTREAM.findAll(anyRequestedFor(anyUrl()));
    }

    private static WireMockServer startUpstream() {
        WireMockServer server = new WireMockServer(options().dynamicPort().notifier(new Slf4jNotifier(false)));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "recording-upstream-stop"));
        return server;
    }
}

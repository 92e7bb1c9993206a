package io.pipelinesgateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A running gateway ({@code RANDOM_PORT}) whose Bitbucket is the {@link FakeBitbucket}, queried over HTTP with
 * {@link HttpGraphQlTester}. Subclasses without properties of their own share one Spring context; the fake is reset
 * before each test, so each test sees only its own stubs and requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The tests here pin the upstream calls a query makes; the cache, retries and the circuit breaker change
        // that count on purpose and have tests of their own, which turn them on (a @DynamicPropertySource wins).
        "gateway.cache.enabled=false",
        "gateway.bitbucket.retries=0",
        "gateway.bitbucket.max-retry-after=0s",
        // A breaker allocates its whole window, and one is kept per repository: a window past any test's calls to
        // one repository, but not so large that a test over hundreds of repositories fills the heap.
        "gateway.bitbucket.circuit-breaker.minimum-calls=10000",
        "gateway.bitbucket.circuit-breaker.sliding-window-size=10000"})
public abstract class GatewayTest {

    /** Bitbucket's web UI root the tests configure; the gateway builds pipeline links from it. */
    protected static final String WEB_URL = "https://bitbucket.org";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected final WireMockServer bitbucket = FakeBitbucket.server();

    @LocalServerPort
    protected int port;

    /** A tester that sends {@link Fixtures#bearer()}, the credential most tests use. */
    protected HttpGraphQlTester graphQl;

    @DynamicPropertySource
    static void pointTheGatewayAtTheFakeBitbucket(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.base-url", FakeBitbucket::baseUrl);
        registry.add("gateway.bitbucket.web-url", () -> WEB_URL);
    }

    @BeforeEach
    void resetTheFakeBitbucket() {
        bitbucket.resetAll();
        graphQl = graphQl(Fixtures.bearer());
    }

    /** A tester that sends {@code authorization} as the Authorization header; null sends none. */
    protected HttpGraphQlTester graphQl(String authorization) {
        return HttpGraphQlTester.create(http(authorization, "/graphql"));
    }

    /** A client of the gateway's own HTTP endpoints, e.g. {@code /graphql} or {@code /actuator/prometheus}. */
    protected WebTestClient http(String authorization, String path) {
        WebTestClient.Builder builder = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + path)
                .responseTimeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return builder.build();
    }

    /** POSTs a query and returns the raw response body, for checks on the whole text of a response. */
    protected String rawResponse(String authorization, String query) {
        byte[] body = http(authorization, "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The whole text of {@code /actuator/prometheus}. */
    protected String prometheus() {
        // The scrape holds every series the test classes sharing this context made: more than the default 256 KiB.
        byte[] body = http(null, "/actuator/prometheus").mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** An actuator endpoint's JSON (e.g. {@code /actuator/health/readiness}), once it answered {@code expected}. */
    protected JsonNode actuator(String path, HttpStatus expected) {
        return JSON.readTree(http(null, path).get().exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody().returnResult().getResponseBody());
    }

    /** Stubs the request {@code payloads/index.json} names for {@code file} with the file's answer. */
    protected StubMapping given(String file) {
        return bitbucket.stubFor(Payloads.stub(file));
    }

    /** As {@link #given(String)}, with the answer adjusted (a delay, extra headers). */
    protected StubMapping given(String file, UnaryOperator<ResponseDefinitionBuilder> adjust) {
        return bitbucket.stubFor(Payloads.stub(file).willReturn(adjust.apply(Payloads.response(file))));
    }

    /** A GET of a path below the REST root, for {@code verify} and {@code findAll}. */
    protected static RequestPatternBuilder getOf(String path) {
        return getRequestedFor(urlPathEqualTo(FakeBitbucket.api(path)));
    }

    /** Every request the fake Bitbucket received in this test. */
    protected List<LoggedRequest> upstreamRequests() {
        return bitbucket.findAll(anyRequestedFor(anyUrl()));
    }

    /** The {@code extensions.code} of an error. */
    protected static String code(ResponseError error) {
        return String.valueOf(error.getExtensions().get("code"));
    }
}

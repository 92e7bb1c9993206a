package io.pipelinesgateway.bitbucket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket over TLS is spoken HTTP/2 when it offers it (ALPN): a view's calls at once share a connection instead of
 * opening one each, with a TLS handshake apiece. The certificate is checked against the trust of the SSL bundle
 * {@code gateway.bitbucket.ssl-bundle} names, as for a Bitbucket reached through a proxy with a CA of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.cache.enabled=false", "gateway.bitbucket.retries=0"})
class CallsToAnHttpsBitbucketShareHttp2ConnectionsTest {

    private static final String PASSWORD = "bitbucket-tls-test";
    private static final Path KEY_STORE = localhostKeyStore();
    private static final WireMockServer BITBUCKET = new WireMockServer(wireMockConfig().dynamicPort()
            .dynamicHttpsPort().keystorePath(KEY_STORE.toString()).keystoreType("PKCS12")
            .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));

    static {
        BITBUCKET.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void anHttpsBitbucketWhoseCertificateTheBundleTrusts(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.base-url", () -> "https://localhost:" + BITBUCKET.httpsPort() + "/2.0");
        registry.add("gateway.bitbucket.ssl-bundle", () -> "bitbucket");
        registry.add("spring.ssl.bundle.jks.bitbucket.truststore.location", () -> "file:" + KEY_STORE);
        registry.add("spring.ssl.bundle.jks.bitbucket.truststore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.bitbucket.truststore.type", () -> "PKCS12");
    }

    @AfterAll
    static void stop() throws IOException {
        BITBUCKET.stop();
        Files.deleteIfExists(KEY_STORE);
    }

    @Test
    void aPipelinesStepsAndTheirReportsAreReadOverHttp2() {
        BITBUCKET.stubFor(Payloads.stub("pipeline-42.json"));
        BITBUCKET.stubFor(Payloads.stub("steps-pipeline-42.json"));
        BITBUCKET.stubFor(WireMock.get(urlPathMatching(".*/test_reports")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(Payloads.bytes("test-report-not-found.json"))));

        HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                        .defaultHeader("Authorization", Fixtures.bearer()).build())
                .document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            status steps { name testReport { total } } } }""".formatted(PIPELINE_42))
                .execute()
                .path("pipeline.steps[*].name").entityList(String.class).hasSizeGreaterThan(1);

        List<ServeEvent> calls = BITBUCKET.getAllServeEvents();
        assertThat(calls).hasSizeGreaterThan(3)
                .allSatisfy(call -> assertThat(call.getRequest().getProtocol()).isEqualTo("HTTP/2.0"));
    }

    /** A key store holding a key and a certificate for localhost, made with the JDK's keytool. */
    private static Path localhostKeyStore() {
        try {
            Path store = Files.createTempFile("bitbucket-tls", ".p12");
            Files.delete(store);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(30, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return store;
        }
        catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }
}

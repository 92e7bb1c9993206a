package io.pipelinesgateway.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.pipelinesgateway.support.TestSecrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: API keys, JWTs and the workspaces' tokens and API tokens appear in no GraphQL response, no error
 * body, no metric and no log line (at DEBUG for the gateway, Spring Security, Reactor Netty and WebClient), through
 * reads, a change, a refusal and a rejected key.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "logging.level.io.pipelinesgateway=DEBUG",
    "logging.level.org.springframework.security=DEBUG",
    "logging.level.reactor.netty=DEBUG",
    "logging.level.org.springframework.web.reactive.function.client=DEBUG"
})
class ServiceCredentialsNeverLeakTest extends ServiceModeTest {

    @Test
    void noCredentialAppearsInAResponseAMetricOrALogLine(CapturedOutput output) {
        given("workspace-acme.json");
        given("workspace-beta.json");
        String jwt = TestIssuer.token("svc-backstage", "pipelines:acme:read");
        String wrongKey = TestSecrets.UNKNOWN_API_KEY;
        List<String> bodies = new ArrayList<>();

        bodies.add(body(withApiKey(PORTAL_KEY).document("{ workspace(slug: \"acme\") { slug } }").execute()));
        bodies.add(body(withApiKey(RELEASE_KEY).document("{ workspace(slug: \"beta\") { slug } }").execute()));
        bodies.add(body(withApiKey(PORTAL_KEY).document("{ workspace(slug: \"beta\") { slug } }").execute()));
        bodies.add(body(withJwt(jwt).document("{ workspace(slug: \"acme\") { slug } }").execute()));
        bodies.add(post("X-API-Key", wrongKey));
        bodies.add(post("Authorization", "Bearer " + TestIssuer.expiredToken("svc-backstage", "pipelines:acme:read")));
        bodies.add(new String(http(null, "/actuator/prometheus").get().exchange().expectBody().returnResult()
                .getResponseBodyContent(), StandardCharsets.UTF_8));

        String basic = Base64.getEncoder().encodeToString((BETA_USER + ":" + BETA_API_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of(PORTAL_KEY, RELEASE_KEY, wrongKey, jwt, ACME_TOKEN, BETA_API_TOKEN, basic,
                sha256(PORTAL_KEY));
        assertThat(String.join("\n", bodies)).as("responses and metrics").doesNotContain(secrets);
        assertThat(output.getAll()).as("log lines").doesNotContain(secrets);
    }

    private static String body(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
        return String.valueOf(response.returnResponse().toMap());
    }

    private String post(String header, String value) {
        return new String(rawWith(header, value).post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { slug } }\"}")
                .exchange().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }
}

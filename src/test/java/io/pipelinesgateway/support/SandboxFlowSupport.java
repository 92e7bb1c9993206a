package io.pipelinesgateway.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The base of the flows that change the sandbox through GraphQL and read the change back: the application with the
 * {@code sandbox} profile on a random port, over real HTTP, with its response cache on (so the flows show that a
 * change evicts what it touched). Steps take minutes, so a pipeline run here is still running when a flow stops it.
 * The flows change only {@code acme/web-app} and {@code globex}, and leave seeded objects they did not create alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.sandbox.step-seconds=600")
@ActiveProfiles("sandbox")
public abstract class SandboxFlowSupport {

    /** Any credential but {@code invalid} and {@code forbidden} is the sandbox user's. */
    protected static final String AUTHORIZATION = "Bearer " + TestSecrets.SANDBOX_FLOW_TOKEN;

    @LocalServerPort
    private int port;

    protected HttpGraphQlTester graphQl;

    @DynamicPropertySource
    static void ownCacheKeys(DynamicPropertyRegistry registry) {
        // A Redis shared with other tests (REDIS_URL) keeps these flows' entries apart.
        registry.add("gateway.redis.key-prefix", TestRedis::uniquePrefix);
    }

    @BeforeEach
    void connect() {
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                // The first query of a context warms it up: on a busy machine that takes more than the default 5 s.
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, AUTHORIZATION)
                .build());
    }

    /** Runs a document that must succeed with no error, and returns its response. */
    protected GraphQlTester.Response ok(String document, Object... variables) {
        GraphQlTester.Request<?> request = graphQl.document(document);
        for (int index = 0; index < variables.length; index += 2) {
            request = request.variable((String) variables[index], variables[index + 1]);
        }
        GraphQlTester.Response response = request.execute();
        response.errors().verify();
        return response;
    }
}

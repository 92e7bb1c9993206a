package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.bitbucket.spec.BitbucketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the mutation tests: the gateway on a random port with its Bitbucket client pointed at one WireMock
 * server for the whole test JVM (so every test class shares one Spring context), a GraphQL tester that sends a
 * credential, and the payload files of {@code src/test/resources/payloads/} (each listed in its {@code index.json}, so
 * the conformance test checks it against Bitbucket's spec).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Each test stubs Bitbucket afresh and asserts the exact calls, which cached answers would hide.
        properties = "gateway.cache.enabled=false")
public abstract class MutationTestSupport {

    /** The credential every request sends; stubs may require it to see that it is forwarded. */
    protected static final String AUTHORIZATION = "Bearer mutation-test-token";

    protected static final WireMockServer BITBUCKET = start();

    @LocalServerPort
    private int port;

    protected HttpGraphQlTester graphQl;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void pointAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.base-url", BITBUCKET::baseUrl);
    }

    /**
     * Every change the gateway sent conforms to Bitbucket's spec: its path, query and JSON body. Reads are left out:
     * the gateway pages by number ({@code page}, {@code pagelen}), which the spec does not declare.
     */
    @AfterEach
    void changesSentConformToTheSpec() {
        for (ServeEvent event : BITBUCKET.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            if (!request.getMethod().equals(RequestMethod.GET)) {
                BitbucketSpec.assertRequestConforms(request.getMethod().getName(), request.getUrl(),
                        request.getHeader("Content-Type"), request.getBodyAsString());
            }
        }
    }

    @BeforeEach
    void freshStubsAndClient() {
        BITBUCKET.resetAll();
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader(HttpHeaders.AUTHORIZATION, AUTHORIZATION)
                .build());
    }

    /** Stubs a call to answer with a payload file and its status, as listed in the payload index. */
    protected static void stub(MappingBuilder call, int status, String payloadFile) {
        BITBUCKET.stubFor(call.willReturn(json(status, payload(payloadFile))));
    }

    /** Stubs a call to answer with no body, as Bitbucket answers a delete or a stop (204). */
    protected static void stubNoContent(MappingBuilder call) {
        BITBUCKET.stubFor(call.willReturn(WireMock.aResponse().withStatus(204)));
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The text of a payload file. */
    protected static String payload(String file) {
        try (InputStream in = MutationTestSupport.class.getResourceAsStream("/payloads/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No payload file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Fails unless Bitbucket received no call at all: input the gateway checks must cost no request. */
    protected static void assertNoUpstreamCall() {
        BITBUCKET.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    /**
     * Fails unless the response is one top-level BAD_USER_INPUT error naming {@code field} (e.g. {@code input},
     * {@code key}) and Bitbucket was never called.
     */
    protected static void assertRejectedBeforeBitbucket(GraphQlTester.Response response, String... field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("field", List.of(field));
        });
        assertNoUpstreamCall();
    }

    /** Fails unless the response is one top-level error with {@code code}, and the payload field is null. */
    protected static void assertTopLevelError(GraphQlTester.Response response, String mutation, String code) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
            assertThat(errors.get(0).getPath()).isEqualTo(mutation);
        });
        response.path(mutation).valueIsNull();
    }

    /** Fails unless the payload of {@code mutation} carries exactly one user error on {@code field}. */
    protected static void assertUserError(GraphQlTester.Response response, String mutation, String... field) {
        response.errors().verify();
        response.path(mutation + ".userErrors[*].field").entityList(Object.class)
                .containsExactly(field.length == 0 ? null : List.of(field));
        response.path(mutation + ".userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).isNotBlank());
    }
}

package io.pipelinesgateway.support;

import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.bitbucket.spec.BitbucketSpec;
import org.junit.jupiter.api.AfterEach;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the mutation tests: the {@link GatewayTest} gateway and fake Bitbucket (so they share its Spring
 * context), stubs for changes answered by a payload file with a given status (a payload may answer the same change
 * at several paths, e.g. one level of variables after another), the assertions every mutation test makes, and a check
 * after each test that every change the gateway sent conforms to Bitbucket's spec.
 */
public abstract class MutationTestSupport extends GatewayTest {

    /** The credential every request sends; stubs may require it to see that it is forwarded. */
    protected static final String AUTHORIZATION = Fixtures.bearer();

    /**
     * Every change the gateway sent conforms to Bitbucket's spec: its path, query and JSON body. Reads are left out:
     * the gateway pages by number ({@code page}, {@code pagelen}), which the spec does not declare.
     */
    @AfterEach
    void changesSentConformToTheSpec() {
        for (ServeEvent event : bitbucket.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            if (!request.getMethod().equals(RequestMethod.GET)) {
                BitbucketSpec.assertRequestConforms(request.getMethod().getName(), request.getUrl(),
                        request.getHeader("Content-Type"), request.getBodyAsString());
            }
        }
    }

    /** Stubs a call to answer with a payload file and {@code status}. */
    protected void stub(MappingBuilder call, int status, String payloadFile) {
        bitbucket.stubFor(call.willReturn(WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Payloads.bytes(payloadFile))));
    }

    /** Stubs a call to answer with no body, as Bitbucket answers a delete or a stop (204). */
    protected void stubNoContent(MappingBuilder call) {
        bitbucket.stubFor(call.willReturn(WireMock.aResponse().withStatus(204)));
    }

    /** Fails unless Bitbucket received no call at all: input the gateway checks must cost no request. */
    protected void assertNoUpstreamCall() {
        assertThat(upstreamRequests()).isEmpty();
    }

    /**
     * Fails unless the response is one top-level BAD_USER_INPUT error naming {@code field} (e.g. {@code input},
     * {@code key}) and Bitbucket was never called.
     */
    protected void assertRejectedBeforeBitbucket(GraphQlTester.Response response, String... field) {
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
            assertThat(code(errors.get(0))).isEqualTo(code);
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

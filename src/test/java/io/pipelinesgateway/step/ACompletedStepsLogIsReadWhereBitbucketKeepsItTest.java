package io.pipelinesgateway.step;

import java.util.List;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.logging.Redactor;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once a step completes, Bitbucket moves its log to long-term storage and answers the log's read with a 307 to a
 * pre-signed address there. The gateway follows it with the Range it asked for and without the caller's credential
 * (the storage, like S3, refuses a request that carries both), and what authorizes the address reaches no answer
 * and no log line as written.
 */
@TestPropertySource(properties = {"gateway.bitbucket.retries=0", "logging.level.root=DEBUG"})
class ACompletedStepsLogIsReadWhereBitbucketKeepsItTest extends GatewayTest {

    private static final String LOG = stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    private static final String STORED = "/storage/logs/build.txt";
    private static final String SIGNATURE = "X-Amz-Signature=5ec12e7";
    private static final String TEXT = "+ ./gradlew build\ncompiling\nBUILD SUCCESSFUL in 42s\n";

    private static final String TAIL = """
            query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
              step(uuid: "%s") { log { tail(lines: 2) { text totalSize } } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    @BeforeEach
    void givenACompletedStepWhoseLogBitbucketKeepsInStorage() {
        given("pipeline-42.json");
        given("step-build.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(LOG))).willReturn(aResponse().withStatus(307)
                .withHeader("Location", FakeBitbucket.server().baseUrl() + STORED + "?X-Amz-Expires=300&" + SIGNATURE)));
    }

    @Test
    void theLogIsReadFromTheStorageWithTheRangeAskedForAndWithoutTheCredential() {
        storageAnswers(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(TEXT));

        graphQl.document(TAIL).execute()
                .path("pipeline.step.log.tail.text").entity(String.class)
                .isEqualTo("compiling\nBUILD SUCCESSFUL in 42s\n")
                .path("pipeline.step.log.tail.totalSize").entity(Integer.class).isEqualTo(TEXT.length());

        List<LoggedRequest> asked = bitbucket.findAll(getOf(LOG));
        assertThat(asked).isNotEmpty().allSatisfy(request ->
                assertThat(request.getHeader("Authorization")).isEqualTo(Fixtures.bearer()));
        List<LoggedRequest> stored = bitbucket.findAll(getRequestedFor(urlPathEqualTo(STORED)));
        assertThat(stored).hasSameSizeAs(asked).allSatisfy(request -> {
            assertThat(request.containsHeader("Authorization")).isFalse();
            assertThat(request.getHeader("Range")).startsWith("bytes=");
            assertThat(request.queryParameter("X-Amz-Signature").firstValue()).isEqualTo("5ec12e7");
        });
    }

    @Test
    void aStorageThatRefusesIsUnavailableAndItsAddressReachesNoAnswerAndNoLogLine() {
        storageAnswers(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));

        try (LogLines lines = LogLines.of(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.DEBUG)) {
            ResponseError error = graphQl.document(TAIL).execute().returnResponse().getErrors().get(0);

            assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(error.getMessage()).contains("storage", "step_log").doesNotContain(STORED, "5ec12e7");
            // As the log pattern writes each line: through the Redactor.
            assertThat(lines.lines()).as("DEBUG lines of the storage's read")
                    .anyMatch(line -> line.message().contains(STORED))
                    .noneMatch(line -> Redactor.redact(line.message()).contains("5ec12e7"));
        }
    }

    /** The storage serves only requests without a credential, as a pre-signed store does. */
    private void storageAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        bitbucket.stubFor(get(urlPathEqualTo(STORED)).withHeader("Authorization", absent()).willReturn(answer));
        bitbucket.stubFor(get(urlPathEqualTo(STORED)).withHeader("Authorization", com.github.tomakehurst.wiremock
                .client.WireMock.matching(".*")).willReturn(aResponse().withStatus(400)
                .withBody("Only one auth mechanism allowed")));
    }
}

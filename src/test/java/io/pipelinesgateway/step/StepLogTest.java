package io.pipelinesgateway.step;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.pipelinesgateway.support.Fixtures.LOG_POSTGRES;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.STEP_DEPLOY;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log of a running step, read with HTTP Range from {@code GET .../steps/{step_uuid}/log} (the build container)
 * and {@code GET .../steps/{step_uuid}/logs/{log_uuid}} (a service container): exactly the bytes asked for, since the
 * log is still growing. The fake Bitbucket answers ranges as the real one does (206 with Content-Range, 416 past the
 * end). A completed step's log is read in cacheable blocks instead: {@link CompletedStepLogTest}.
 */
class StepLogTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOG = stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    private static final byte[] BUILD_LOG = Payloads.bytes("step-log-build.txt");

    private static final String BUILD_STEP_LOG = """
            query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
              step(uuid: "%s") { log { %%s } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    @BeforeEach
    void givenTheBuildStep() {
        given("pipeline-42.json");
        given("step-build-running.json");
        given("step-log-build.txt");
    }

    @Test
    void readsTheLogSizeWithAOneByteRange() {
        graphQl.document(BUILD_STEP_LOG.formatted("size")).execute()
                .path("pipeline.step.log.size").entity(Integer.class).isEqualTo(BUILD_LOG.length);

        bitbucket.verify(exactly(1), getOf(LOG)
                .withHeader("Range", equalTo("bytes=0-0"))
                .withHeader("Authorization", equalTo(bearer()))
                // Bitbucket answers 406 to a log request that accepts only JSON.
                .withHeader("Accept", notContaining("application/json")));
        assertThat(bitbucket.findAll(getOf(LOG)).get(0).getHeader("Accept")).contains("text/plain");
    }

    @Test
    void readsARangeOfBytes() {
        graphQl.document(BUILD_STEP_LOG.formatted(
                        "range(offset: 100, length: 50) { offset length endOffset totalSize hasMore text }"))
                .execute()
                .path("pipeline.step.log.range").matchesJsonStrictly("""
                        {"offset": 100, "length": 50, "endOffset": 150, "totalSize": %d, "hasMore": true, "text": %s}
                        """.formatted(BUILD_LOG.length, json(slice(100, 150))));

        bitbucket.verify(exactly(1), getOf(LOG).withHeader("Range", equalTo("bytes=100-149")));
    }

    @Test
    void readsUpTo64KiBFromTheStartByDefault() {
        graphQl.document(BUILD_STEP_LOG.formatted("range { offset length hasMore text }")).execute()
                .path("pipeline.step.log.range.length").entity(Integer.class).isEqualTo(BUILD_LOG.length)
                .path("pipeline.step.log.range.hasMore").entity(Boolean.class).isEqualTo(false)
                .path("pipeline.step.log.range.text").entity(String.class)
                .isEqualTo(new String(BUILD_LOG, StandardCharsets.UTF_8));

        bitbucket.verify(exactly(1), getOf(LOG).withHeader("Range", equalTo("bytes=0-65535")));
    }

    @Test
    void readsTheTailWithOneSuffixRange() {
        String text = new String(BUILD_LOG, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\n"));
        String lastThree = String.join("\n", lines.subList(lines.size() - 3, lines.size())) + "\n";

        graphQl.document(BUILD_STEP_LOG.formatted("tail(lines: 3) { offset length endOffset totalSize hasMore text }"))
                .execute()
                .path("pipeline.step.log.tail").matchesJsonStrictly("""
                        {"offset": %d, "length": %d, "endOffset": %d, "totalSize": %d, "hasMore": false, "text": %s}
                        """.formatted(BUILD_LOG.length - lastThree.length(), lastThree.length(), BUILD_LOG.length,
                        BUILD_LOG.length, json(lastThree)));

        bitbucket.verify(exactly(1), getOf(LOG).withHeader("Range", equalTo("bytes=-4096")));
        assertThat(bitbucket.findAll(getOf(LOG))).hasSize(1);
    }

    @Test
    void readsALargerSuffixWhenTheLastLinesAreLongerThanGuessed() {
        given("step-integration-tests-running.json");
        given("step-log-long-lines.txt");
        String log = Payloads.text("step-log-long-lines.txt");
        List<String> lines = Arrays.asList(log.split("\n"));
        String lastThree = String.join("\n", lines.subList(lines.size() - 3, lines.size())) + "\n";
        String testLog = stepPath(PIPELINE_42, STEP_TEST) + "/log";

        graphQl.document("""
                        query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                          step(uuid: "%s") { log { tail(lines: 3) { offset totalSize text } } } } }
                        """.formatted(PIPELINE_42, STEP_TEST))
                .execute()
                .path("pipeline.step.log.tail.text").entity(String.class).isEqualTo(lastThree)
                .path("pipeline.step.log.tail.offset").entity(Integer.class).isEqualTo(log.length() - lastThree.length())
                .path("pipeline.step.log.tail.totalSize").entity(Integer.class).isEqualTo(log.length());

        // 4 KiB holds fewer than 3 of these 2.5 KB lines, so a suffix four times larger is read next.
        assertThat(bitbucket.findAll(getOf(testLog))).extracting(request -> request.getHeader("Range"))
                .containsExactlyInAnyOrder("bytes=-4096", "bytes=-16384");
    }

    @Test
    void rejectsARangeThatStartsPastTheEndAsBadUserInput() {
        int offset = BUILD_LOG.length + 100;

        graphQl.document(BUILD_STEP_LOG.formatted("range(offset: " + offset + ", length: 10) { text }"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("BAD_USER_INPUT");
                    assertThat(error.getExtensions()).containsEntry("upstreamStatus", 416);
                    assertThat(error.getMessage()).contains(BUILD_LOG.length + " bytes");
                    assertThat(error.getPath()).isEqualTo("pipeline.step.log.range");
                }));

        bitbucket.verify(exactly(1), getOf(LOG)
                .withHeader("Range", equalTo("bytes=" + offset + "-" + (offset + 9))));
    }

    @Test
    void givesAnEmptyChunkForARangeThatStartsExactlyAtTheEnd() {
        graphQl.document(BUILD_STEP_LOG.formatted(
                        "range(offset: " + BUILD_LOG.length + ") { offset length endOffset totalSize hasMore text }"))
                .execute()
                .path("pipeline.step.log.range").matchesJsonStrictly("""
                        {"offset": %1$d, "length": 0, "endOffset": %1$d, "totalSize": %1$d, "hasMore": false, "text": ""}
                        """.formatted(BUILD_LOG.length));

        // Bitbucket answered 416; at exactly the end that means "nothing new yet", not an error.
        bitbucket.verify(exactly(1), getOf(LOG)
                .withHeader("Range", equalTo("bytes=" + BUILD_LOG.length + "-" + (BUILD_LOG.length + 65535))));
    }

    @Test
    void readsAServiceContainersLogByItsLogUuid() {
        given("service-log-postgres.txt");
        String postgres = Payloads.text("service-log-postgres.txt");
        String serviceLog = stepPath(PIPELINE_42, STEP_BUILD) + "/logs/" + encoded(LOG_POSTGRES);

        graphQl.document("""
                        query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                          step(uuid: "%s") {
                            serviceContainers { uuid name log { size tail(lines: 1) { text } } }
                            containerLog(uuid: "%s") { range(offset: 0, length: 20) { text } } } } }
                        """.formatted(PIPELINE_42, STEP_BUILD, LOG_POSTGRES.substring(1, LOG_POSTGRES.length() - 1)))
                .execute()
                .path("pipeline.step.serviceContainers").matchesJsonStrictly("""
                        [{"uuid": "%s", "name": "postgres",
                          "log": {"size": %d, "tail": {"text": %s}}}]
                        """.formatted(LOG_POSTGRES, postgres.length(),
                        json("2025-11-20 09:15:12.010 UTC [1] LOG:  database system is ready to accept connections\n")))
                .path("pipeline.step.containerLog.range.text").entity(String.class).isEqualTo(postgres.substring(0, 20));

        assertThat(bitbucket.findAll(getOf(serviceLog))).extracting(request -> request.getHeader("Range"))
                .containsExactlyInAnyOrder("bytes=0-0", "bytes=-4096", "bytes=0-19");
        bitbucket.verify(0, getOf(LOG));
    }

    @Test
    void readsAnEmptyLogOfAStepThatHasJustStartedAsEmpty() {
        given("pipeline-43-running.json");
        given("step-deploy-running.json");
        given("step-log-empty.txt");
        String emptyLog = stepPath(PIPELINE_43, STEP_DEPLOY) + "/log";

        graphQl.document("""
                        query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                          step(uuid: "%s") { status log { size tail(lines: 10) { offset length totalSize hasMore text } } } } }
                        """.formatted(PIPELINE_43, STEP_DEPLOY))
                .execute()
                .path("pipeline.step").matchesJsonStrictly("""
                        {"status": "IN_PROGRESS", "log": {"size": 0,
                         "tail": {"offset": 0, "length": 0, "totalSize": 0, "hasMore": false, "text": ""}}}
                        """);

        // Bitbucket answers both ranges of an empty log with 416 and Content-Range: bytes */0.
        assertThat(bitbucket.findAll(getOf(emptyLog))).extracting(request -> request.getHeader("Range"))
                .containsExactlyInAnyOrder("bytes=0-0", "bytes=-4096");
    }

    private static String slice(int from, int to) {
        return new String(Arrays.copyOfRange(BUILD_LOG, from, to), StandardCharsets.UTF_8);
    }

    private static String json(String text) {
        return JSON.writeValueAsString(text);
    }
}

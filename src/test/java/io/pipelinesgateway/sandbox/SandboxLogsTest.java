package io.pipelinesgateway.sandbox;

import static io.pipelinesgateway.sandbox.SandboxHttp.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Step logs behave like Bitbucket's: text/plain only, HTTP Range (206, 416), ETags (304), container logs by uuid,
 * and no log before a step starts; test reports summarise, list and explain the step's test cases.
 */
class SandboxLogsTest extends SandboxHttpTest {

    /** acme/api #2 failed in its first step ("Build and test"), which has tests and two service containers. */
    private static final String FAILED = "/repositories/acme/api/pipelines/2";

    private JsonNode firstStep(String pipeline) {
        return http.get(pipeline + "/steps/").values().get(0);
    }

    private String stepPath(String pipeline) {
        return pipeline + "/steps/" + seg(firstStep(pipeline).path("uuid").asString());
    }

    @Test
    void aLogIsPlainTextWithAnEtagAndAcceptsRanges() {
        Reply log = http.get(stepPath(FAILED) + "/log").conforms();
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.contentType()).startsWith("text/plain");
        assertThat(log.headers().getETag()).isNotBlank();
        assertThat(log.headers().getFirst(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
        assertThat(log.body()).contains("+ mvn -B verify", "BUILD FAILURE", "Tests run: 10, Failures: 1");
        assertThat(log.body().lines().count()).isGreaterThan(40);
    }

    @Test
    void aCompletedStepsLogIsKeptInStorageThatTakesItsSignatureAndNoCredential() {
        URI base = URI.create("http://localhost:" + port + SandboxHttp.ROOT);
        Reply redirect = http.exchange(HttpMethod.GET,
                URI.create(base + stepPath(FAILED) + "/log"), stepPath(FAILED) + "/log", null).conforms();
        assertThat(redirect.status()).isEqualTo(307);
        URI stored = redirect.headers().getLocation();
        assertThat(stored.getPath()).startsWith(SandboxLogStorage.PREFIX + "/");
        assertThat(stored.getQuery()).contains("X-Amz-Signature=");

        Reply withCredential = http.exchange(HttpMethod.GET, stored, "storage",
                null, HttpHeaders.AUTHORIZATION, "Bearer sandbox");
        assertThat(withCredential.status()).isEqualTo(400);
        assertThat(withCredential.body()).contains("Only one auth mechanism allowed");
        URI forged = URI.create(stored.toString().replaceAll("X-Amz-Signature=[0-9a-f]+",
                "X-Amz-Signature=00"));
        assertThat(http.exchange(HttpMethod.GET, forged, "storage", null).status())
                .isEqualTo(403);
        Reply log = http.exchange(HttpMethod.GET, stored, stepPath(FAILED) + "/log", null,
                "Range", "bytes=0-9").conforms();
        assertThat(log.status()).isEqualTo(206);
    }

    @Test
    void aByteRangeGives206WithContentRange() {
        String path = stepPath(FAILED) + "/log";
        byte[] full = http.get(path).bytes();

        Reply part = http.get(path, "Range", "bytes=10-19").conforms();
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.headers().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 10-19/" + full.length);
        assertThat(part.bytes()).isEqualTo(Arrays.copyOfRange(full, 10, 20));

        Reply tail = http.get(path, "Range", "bytes=100-").conforms();
        assertThat(tail.headers().getFirst(HttpHeaders.CONTENT_RANGE))
                .isEqualTo("bytes 100-" + (full.length - 1) + "/" + full.length);
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(full, 100, full.length));

        Reply suffix = http.get(path, "Range", "bytes=-16").conforms();
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(full, full.length - 16, full.length));
    }

    @Test
    void aRangeStartingPastTheEndGives416() {
        String path = stepPath(FAILED) + "/log";
        int total = http.get(path).bytes().length;
        Reply beyond = http.get(path, "Range", "bytes=" + total + "-").conforms();
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.headers().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */" + total);
    }

    @Test
    void anUnchangedLogGives304ForItsEtag() {
        String path = stepPath(FAILED) + "/log";
        String etag = http.get(path).headers().getETag();
        Reply unchanged = http.get(path, "If-None-Match", etag).conforms();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.bytes()).isNullOrEmpty();
        assertThat(http.get(path, "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
    }

    @Test
    void aClientAcceptingOnlyJsonGets406() {
        Reply refused = http.get(stepPath(FAILED) + "/log", "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.json().path("type").asString()).isEqualTo("error");
        assertThat(http.get(stepPath(FAILED) + "/log", "Accept", "text/plain, application/json").status())
                .isEqualTo(200);
    }

    @Test
    void aStepThatHasNotStartedHasNoLogYet() {
        Reply pending = http.get(stepPath("/repositories/acme/api/pipelines/30") + "/log").conforms();
        assertThat(pending.status()).isEqualTo(404);
        assertThat(pending.json().path("error").path("message").asString()).contains("not started");
    }

    @Test
    void containerLogsAreServedByLogUuidForTheBuildAndEachServiceContainer() {
        JsonNode step = firstStep(FAILED);
        String path = FAILED + "/steps/" + seg(step.path("uuid").asString());
        List<JsonNode> services = step.path("service_containers").values().stream().toList();
        assertThat(services).extracting(s -> s.path("name").asString()).containsExactly("postgres", "docker");

        Reply build = http.get(path + "/logs/" + seg(step.path("uuid").asString())).conforms();
        assertThat(build.body()).isEqualTo(http.get(path + "/log").body());
        Reply postgres = http.get(path + "/logs/" + seg(services.get(0).path("uuid").asString())).conforms();
        assertThat(postgres.contentType()).startsWith("text/plain");
        assertThat(postgres.body()).contains("database system is ready to accept connections");
        Reply range = http.get(path + "/logs/" + seg(services.get(1).path("uuid").asString()), "Range", "bytes=0-4")
                .conforms();
        assertThat(range.status()).isEqualTo(206);
        assertThat(http.get(path + "/logs/%7B00000000-0000-0000-0000-000000000000%7D").conforms().status())
                .isEqualTo(404);
    }

    @Test
    void aFailedStepReportsItsTestsWithCountsCasesAndFailureReasons() {
        String path = stepPath(FAILED) + "/test_reports";
        JsonNode summary = http.get(path).conforms().json();
        assertThat(summary.path("type").asString()).isEqualTo("test_report_summary");
        assertThat(summary.path("total").asInt()).isEqualTo(10);
        assertThat(summary.path("success").asInt()).isEqualTo(7);
        assertThat(summary.path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("error").asInt()).isEqualTo(1);
        assertThat(summary.path("skipped").asInt()).isEqualTo(1);
        assertThat(summary.path("duration_in_seconds").asDouble()).isPositive();

        List<JsonNode> failed = http.get(path + "/test_cases?status=FAILED").conforms().values();
        assertThat(failed).hasSize(1);
        JsonNode failure = failed.get(0);
        assertThat(failure.path("name").asString()).isEqualTo("appliesPercentageDiscount");
        assertThat(failure.path("fully_qualified_name").asString())
                .isEqualTo("com.acme.api.orders.OrderServiceTest.appliesPercentageDiscount");
        assertThat(failure.path("package_name").asString()).isEqualTo("com.acme.api.orders");
        assertThat(failure.path("duration").asString()).isEqualTo("PT0.035S");

        JsonNode reason = http.get(path + "/test_cases/" + seg(failure.path("uuid").asString()) + "/test_case_reasons")
                .conforms().values().get(0);
        assertThat(reason.path("message").asString()).contains("expected: <90.00> but was: <100.00>");
        assertThat(reason.path("stack_trace").asString()).contains("OrderServiceTest.java:88");

        JsonNode passing = http.get(path + "/test_cases?status=SUCCESS&pagelen=1").values().get(0);
        assertThat(http.get(path + "/test_cases/" + seg(passing.path("uuid").asString()) + "/test_case_reasons")
                .conforms().values()).isEmpty();
        assertThat(http.get(path + "/test_cases?pagelen=100").values()).hasSize(10);
    }

    @Test
    void stepsWithoutTestsHaveNoTestReports() {
        String scan = "/repositories/acme/api/pipelines/1/steps/"
                + seg(http.get("/repositories/acme/api/pipelines/1/steps/").values().get(1).path("uuid").asString());
        Reply none = http.get(scan + "/test_reports").conforms();
        assertThat(none.status()).isEqualTo(404);
        assertThat(http.get(scan + "/test_reports/test_cases").conforms().status()).isEqualTo(404);
    }
}

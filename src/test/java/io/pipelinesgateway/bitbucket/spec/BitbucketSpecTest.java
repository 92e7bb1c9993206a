package io.pipelinesgateway.bitbucket.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The spec validator must accept what real Bitbucket sends (including the quirks the spec lacks) and reject anything
 * else; otherwise the tests built on it prove nothing.
 */
class BitbucketSpecTest {

    private static final String PIPELINE = "/repositories/acme/api/pipelines/%7B4a1b%7D";

    private static String pipelineWithState(String state) {
        return """
                {"type":"pipeline","uuid":"{4a1b}","build_number":7,"state":%s,
                 "target":{"type":"pipeline_ref_target","ref_type":"branch","ref_name":"main",
                           "commit":{"type":"commit","hash":"0123456789abcdef0123456789abcdef01234567"},
                           "selector":{"type":"branches","pattern":"main"}},
                 "trigger":{"type":"pipeline_trigger_push","name":"PUSH"},
                 "created_on":"2024-05-02T09:12:00.000000+00:00"}""".formatted(state);
    }

    @Test
    void acceptsAPipelineInEveryDocumentedState() {
        for (String state : new String[] {
                "{\"type\":\"pipeline_state_pending\",\"name\":\"PENDING\"}",
                "{\"type\":\"pipeline_state_in_progress\",\"name\":\"IN_PROGRESS\","
                        + "\"stage\":{\"type\":\"pipeline_state_in_progress_running\",\"name\":\"RUNNING\"}}",
                "{\"type\":\"pipeline_state_in_progress\",\"name\":\"IN_PROGRESS\","
                        + "\"stage\":{\"type\":\"pipeline_state_in_progress_paused\",\"name\":\"PAUSED\"}}",
                "{\"type\":\"pipeline_state_completed\",\"name\":\"COMPLETED\","
                        + "\"result\":{\"type\":\"pipeline_state_completed_expired\",\"name\":\"EXPIRED\"}}"}) {
            BitbucketSpec.assertConforms("GET", PIPELINE, 200, "application/json", pipelineWithState(state));
        }
    }

    @Test
    void acceptsTheHaltedStageThatTheSpecLacks() {
        BitbucketSpec.assertConforms("GET", PIPELINE, 200, "application/json", pipelineWithState(
                "{\"type\":\"pipeline_state_in_progress\",\"name\":\"IN_PROGRESS\","
                        + "\"stage\":{\"type\":\"pipeline_state_in_progress_halted\",\"name\":\"HALTED\"}}"));
    }

    @Test
    void rejectsAStateWhoseNameContradictsItsType() {
        assertThat(BitbucketSpec.violations("GET", PIPELINE, 200, "application/json", pipelineWithState(
                "{\"type\":\"pipeline_state_completed\",\"name\":\"COMPLETED\","
                        + "\"result\":{\"type\":\"pipeline_state_completed_successful\",\"name\":\"FAILED\"}}")))
                .anySatisfy(v -> assertThat(v).contains("/state/result/name").contains("SUCCESSFUL"));
    }

    @Test
    void rejectsATypeThatNamesNoKnownDefinition() {
        assertThat(BitbucketSpec.violations("GET", PIPELINE, 200, "application/json",
                pipelineWithState("{\"type\":\"pipeline_state_sleeping\",\"name\":\"SLEEPING\"}")))
                .anySatisfy(v -> assertThat(v).contains("/state/type"));
    }

    @Test
    void rejectsLinkNamesTheSpecDoesNotList() {
        String user = "{\"type\":\"user\",\"uuid\":\"{u}\",\"links\":{\"self\":{\"href\":\"https://x/u\"},"
                + "\"profile\":{\"href\":\"https://x/p\"}}}";
        assertThat(BitbucketSpec.violations("GET", "/user", 200, "application/json", user))
                .anySatisfy(v -> assertThat(v).contains("profile"));
    }

    @Test
    void rejectsUndeclaredFieldsOfAStrictEnvelope() {
        assertThatThrownBy(() -> BitbucketSpec.assertConforms("GET", "/workspaces", 200, "application/json",
                "{\"page\":1,\"pagelen\":10,\"size\":0,\"values\":[],\"total\":0}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("total");
    }

    @Test
    void acceptsTheObservedTestReportShapesAndChecksTheirTypes() {
        String steps = "/repositories/acme/api/pipelines/%7Bp%7D/steps/%7Bs%7D";
        BitbucketSpec.assertConforms("GET", steps + "/test_reports", 200, "application/json",
                "{\"type\":\"test_report_summary\",\"total\":3,\"success\":1,\"failed\":1,\"skipped\":1,"
                        + "\"error\":0,\"duration_in_seconds\":1.5}");
        BitbucketSpec.assertConforms("GET", steps + "/test_reports/test_cases?status=FAILED", 200,
                "application/json", "{\"page\":1,\"pagelen\":10,\"size\":1,\"values\":[{\"type\":\"test_case\","
                        + "\"uuid\":\"{t}\",\"name\":\"x\",\"fully_qualified_name\":\"a.B.x\",\"package_name\":\"a\","
                        + "\"status\":\"FAILED\",\"duration\":\"PT0.1S\"}]}");
        BitbucketSpec.assertConforms("GET", steps + "/test_reports/test_cases/%7Bt%7D/test_case_reasons", 200,
                "application/json", "{\"values\":[{\"type\":\"test_case_reason\",\"message\":\"m\","
                        + "\"stack_trace\":\"s\"}]}");
        assertThat(BitbucketSpec.violations("GET", steps + "/test_reports", 200, "application/json",
                "{\"total\":\"three\"}")).isNotEmpty();
    }

    @Test
    void acceptsPartialTextLogsAndRejectsJsonLogs() {
        String log = "/repositories/acme/api/pipelines/%7Bp%7D/steps/%7Bs%7D/log";
        BitbucketSpec.assertConforms("GET", log, 206, "text/plain;charset=UTF-8", "+ umask 000\n");
        BitbucketSpec.assertConforms("GET", log, 304, null, null);
        assertThat(BitbucketSpec.violations("GET", log, 200, "application/json", "{}")).isNotEmpty();
    }

    @Test
    void rejectsStatusesAndPathsTheSpecDoesNotDefine() {
        assertThat(BitbucketSpec.violations("GET", "/user", 500, "application/json",
                "{\"type\":\"error\",\"error\":{\"message\":\"boom\"}}")).isNotEmpty();
        assertThat(BitbucketSpec.violations("GET", "/nowhere", 200, "application/json", "{}")).isNotEmpty();
    }

    @Test
    void acceptsPathsWithOrWithoutTrailingSlashAndWithAnyPrefix() {
        String page = "{\"page\":1,\"pagelen\":10,\"size\":0,\"values\":[]}";
        BitbucketSpec.assertConforms("GET", "/repositories/acme/api/pipelines", 200, "application/json", page);
        BitbucketSpec.assertConforms("GET", "http://127.0.0.1:8080/sandbox/2.0/repositories/acme/api/pipelines/"
                + "?page=1&status=FAILED", 200, "application/json", page);
        BitbucketSpec.assertConforms("GET", "https://api.bitbucket.org/2.0/user", 401, "application/json",
                "{\"type\":\"error\",\"error\":{\"message\":\"no\"}}");
    }

    @Test
    void acceptsPagingOnEveryListAndTheDocumentedPipelineFiltersButNothingElse() {
        BitbucketSpec.assertRequestConforms("GET", "/repositories/acme/api/pipelines/?page=2&pagelen=50"
                + "&sort=-created_on&status=FAILED&status=HALTED", null, null);
        BitbucketSpec.assertRequestConforms("GET", "/workspaces?page=3&pagelen=100", null, null);
        assertThatThrownBy(() -> BitbucketSpec.assertRequestConforms("GET",
                "/repositories/acme/api/pipelines/?status=SLEEPING", null, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SLEEPING");
        assertThatThrownBy(() -> BitbucketSpec.assertRequestConforms("GET", "/workspaces?pagelen=500", null, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("maximum");
        assertThatThrownBy(() -> BitbucketSpec.assertRequestConforms("GET", "/user?verbose=1", null, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("verbose");
    }

    @Test
    void checksRequestBodiesToo() {
        BitbucketSpec.assertRequestConforms("POST", "/repositories/acme/api/pipelines/", "application/json",
                "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"branch\",\"ref_name\":\"main\"}}");
        assertThatThrownBy(() -> BitbucketSpec.assertRequestConforms("POST", "/repositories/acme/api/pipelines/",
                "application/json", "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"trunk\"}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ref_type");
    }
}

package io.pipelinesgateway.sandbox;

import static io.pipelinesgateway.sandbox.SandboxHttp.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the sandbox answers what Bitbucket's spec (plus the documented quirks) allows: status, content
 * type and body, for every seeded workspace, repository, pipeline and step, and for runs and stops.
 */
class SandboxConformsToBitbucketSpecTest extends SandboxHttpTest {

    private static final List<String> REPOSITORIES = List.of("acme/api", "acme/web-app", "acme/infra",
            "globex/billing-service", "globex/mobile-app", "globex/data-pipeline");

    @Test
    void theUserAndTheirWorkspacesConform() {
        JsonNode user = http.get("/user").conforms().json();
        assertThat(user.path("type").asString()).isEqualTo("user");
        assertThat(user.path("display_name").asString()).isEqualTo("Sandbox User");

        List<JsonNode> workspaces = http.get("/user/workspaces").conforms().values();
        assertThat(workspaces).extracting(w -> w.path("administrator").asBoolean()).containsExactly(true, false);
        assertThat(workspaces).extracting(w -> w.path("workspace").path("slug").asString())
                .containsExactly("acme", "globex");
        for (JsonNode access : workspaces) {
            JsonNode workspace = access.path("workspace");
            http.get("/workspaces/" + workspace.path("slug").asString()).conforms();
            http.get("/workspaces/" + seg(workspace.path("uuid").asString())).conforms();
        }
    }

    @Test
    void theCrossWorkspaceListsBitbucketRemovedAreGone() {
        for (String removed : List.of("/user/permissions/workspaces", "/workspaces")) {
            SandboxHttp.Reply reply = http.get(removed).conforms();
            assertThat(reply.status()).isEqualTo(410);
            assertThat(reply.json().path("error").path("message").asString()).contains("CHANGE-2770");
        }
    }

    @Test
    void repositoriesConformInListsAndAlone() {
        for (String workspace : List.of("acme", "globex")) {
            List<JsonNode> repos = http.get("/repositories/" + workspace).conforms().values();
            assertThat(repos).hasSize(3);
            for (JsonNode repo : repos) {
                http.get("/repositories/" + repo.path("full_name").asString()).conforms();
                http.get("/repositories/" + workspace + "/" + seg(repo.path("uuid").asString())).conforms();
            }
        }
        http.get("/repositories/acme?q=" + "name~%22AP%22" + "&sort=-name&pagelen=1").conforms();
    }

    @Test
    void everySeededPipelineAndStepConformsAndEveryStateIsSeeded() {
        Set<String> pipelineStates = new TreeSet<>();
        Set<String> stepStates = new TreeSet<>();
        for (String repo : REPOSITORIES) {
            List<JsonNode> pipelines = http.get("/repositories/" + repo + "/pipelines/?pagelen=100").conforms()
                    .values();
            assertThat(pipelines).isNotEmpty();
            Set<String> validated = new TreeSet<>();
            for (JsonNode pipeline : pipelines) {
                String state = describe(pipeline.path("state"));
                pipelineStates.add(state);
                String path = "/repositories/" + repo + "/pipelines/" + seg(pipeline.path("uuid").asString());
                Reply steps = http.get(path + "/steps/");
                // Steps are checked once per repository and pipeline state: that covers every shape they take.
                if (validated.add(state)) {
                    steps.conforms();
                }
                for (JsonNode step : steps.values()) {
                    stepStates.add(describe(step.path("state")));
                    assertThat(step.path("image").has("password")).isFalse();
                }
            }
            JsonNode first = pipelines.get(0);
            String path = "/repositories/" + repo + "/pipelines/" + seg(first.path("uuid").asString());
            http.get(path).conforms();
            http.get("/repositories/" + repo + "/pipelines/" + first.path("build_number").asInt()).conforms();
            JsonNode step = http.get(path + "/steps").conforms().values().get(0);
            http.get(path + "/steps/" + seg(step.path("uuid").asString())).conforms();
        }
        assertThat(pipelineStates).containsExactlyInAnyOrder("PENDING", "IN_PROGRESS/RUNNING", "IN_PROGRESS/PAUSED",
                "IN_PROGRESS/HALTED", "COMPLETED/SUCCESSFUL", "COMPLETED/FAILED", "COMPLETED/ERROR",
                "COMPLETED/STOPPED", "COMPLETED/EXPIRED");
        assertThat(stepStates).contains("PENDING", "PENDING/HALTED", "IN_PROGRESS", "COMPLETED/SUCCESSFUL",
                "COMPLETED/FAILED", "COMPLETED/ERROR", "COMPLETED/STOPPED", "COMPLETED/NOT_RUN");
    }

    private static String describe(JsonNode state) {
        String name = state.path("name").asString();
        JsonNode detail = state.has("result") ? state.path("result") : state.path("stage");
        return detail.isMissingNode() ? name : name + "/" + detail.path("name").asString();
    }

    /**
     * Logs and test reports of a sample that covers every kind of step: per repository the second pipeline (failed,
     * so steps passed, failed and not run, and test reports with passing, failing and skipped cases) and the latest
     * (running or pending, so some logs are partial and some missing).
     */
    @Test
    void logsAndTestReportsConform() {
        int reports = 0;
        int failedCases = 0;
        int serviceLogs = 0;
        for (String repo : REPOSITORIES) {
            List<JsonNode> pipelines = http.get("/repositories/" + repo + "/pipelines/?pagelen=100").values();
            for (JsonNode pipeline : List.of(pipelines.get(1), pipelines.get(pipelines.size() - 1))) {
                String path = "/repositories/" + repo + "/pipelines/" + seg(pipeline.path("uuid").asString());
                for (JsonNode step : http.get(path + "/steps/").values()) {
                    String stepPath = path + "/steps/" + seg(step.path("uuid").asString());
                    Reply log = http.get(stepPath + "/log").conforms();
                    assertThat(log.status()).isIn(200, 404);
                    http.get(stepPath + "/logs/" + seg(step.path("uuid").asString())).conforms();
                    for (JsonNode service : step.path("service_containers").values()) {
                        Reply serviceLog = http.get(stepPath + "/logs/" + seg(service.path("uuid").asString()))
                                .conforms();
                        serviceLogs += serviceLog.status() == 200 ? 1 : 0;
                    }
                    Reply summary = http.get(stepPath + "/test_reports").conforms();
                    if (summary.status() == 404) {
                        continue;
                    }
                    reports++;
                    List<JsonNode> cases = http.get(stepPath + "/test_reports/test_cases?pagelen=100").conforms()
                            .values();
                    assertThat(cases).hasSize(summary.json().path("total").asInt());
                    for (JsonNode testCase : cases) {
                        if (!testCase.path("status").asString().equals("SUCCESS")) {
                            failedCases++;
                            http.get(stepPath + "/test_reports/test_cases/" + seg(testCase.path("uuid").asString())
                                    + "/test_case_reasons").conforms();
                        }
                    }
                    http.get(stepPath + "/test_reports/test_cases/" + seg(cases.get(0).path("uuid").asString())
                            + "/test_case_reasons").conforms();
                }
            }
        }
        assertThat(reports).isGreaterThanOrEqualTo(5);
        assertThat(failedCases).isGreaterThanOrEqualTo(5);
        assertThat(serviceLogs).isGreaterThanOrEqualTo(3);
    }

    @Test
    void workspaceOidcAndVariablesConform() {
        JsonNode configuration = http.get("/workspaces/acme/pipelines-config/identity/oidc/.well-known/"
                + "openid-configuration").conforms().json();
        assertThat(configuration.path("issuer").asString()).endsWith("/workspaces/acme/pipelines-config/identity/oidc");
        assertThat(configuration.path("jwks_uri").asString()).endsWith("/oidc/keys.json");

        JsonNode key = http.get("/workspaces/acme/pipelines-config/identity/oidc/keys.json").conforms().json()
                .path("keys").path(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("e").asString()).isEqualTo("AQAB");
        assertThat(key.path("n").asString()).hasSizeGreaterThan(300);

        List<JsonNode> variables = http.get("/workspaces/acme/pipelines-config/variables").conforms().values();
        assertThat(variables).extracting(v -> v.path("key").asString()).contains("AWS_REGION", "SONAR_TOKEN");
        JsonNode secured = variables.stream().filter(v -> v.path("secured").asBoolean()).findFirst().orElseThrow();
        assertThat(secured.has("value")).isFalse();
    }

    @Test
    void aRunItsStepsAndItsStopConform() {
        String body = """
                {"target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "main",
                            "selector": {"type": "custom", "pattern": "plan-all-accounts"}},
                 "variables": [{"key": "TF_LOG", "value": "debug"},
                               {"key": "AWS_SECRET", "value": "s3cr3t", "secured": true}]}""";
        Reply created = http.post("/repositories/acme/infra/pipelines/", body).conforms();
        assertThat(created.status()).isEqualTo(201);
        JsonNode pipeline = created.json();
        assertThat(pipeline.path("state").path("name").asString()).isEqualTo("PENDING");
        assertThat(pipeline.path("trigger").path("name").asString()).isEqualTo("MANUAL");
        assertThat(pipeline.path("variables").path(1).has("value")).isFalse();
        String location = created.headers().getFirst(HttpHeaders.LOCATION);
        assertThat(location).endsWith("/sandbox/2.0/repositories/acme/infra/pipelines/"
                + seg(pipeline.path("uuid").asString()));

        String path = location.substring(location.indexOf("/sandbox/2.0") + "/sandbox/2.0".length());
        http.get(path).conforms();
        assertThat(http.get(path + "/steps/").conforms().values()).hasSizeBetween(2, 3);

        assertThat(http.post(path + "/stopPipeline", null).conforms().status()).isEqualTo(204);
        assertThat(http.get(path).json().path("state").path("result").path("name").asString()).isEqualTo("STOPPED");
        Reply again = http.post(path + "/stopPipeline", null).conforms();
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("error").path("message").asString()).contains("completed");
    }

    @Test
    void runsOfEveryTargetKindConform() {
        List<String> bodies = new ArrayList<>(List.of(
                "{\"target\":{\"type\":\"pipeline_commit_target\",\"commit\":{\"type\":\"commit\","
                        + "\"hash\":\"a3c4e02c9a3755eccdc3764e6ea13facdf30f923\"},"
                        + "\"selector\":{\"type\":\"custom\",\"pattern\":\"nightly-load\"}}}",
                "{\"target\":{\"type\":\"pipeline_pullrequest_target\",\"source\":\"feature/x\","
                        + "\"destination\":\"main\",\"destination_commit\":{\"hash\":\"9f848b7\"},"
                        + "\"commit\":{\"hash\":\"1a372fc\"},\"pullrequest\":{\"id\":\"3\"},"
                        + "\"selector\":{\"type\":\"pull-requests\",\"pattern\":\"**\"}}}",
                "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"tag\",\"ref_name\":\"v9.9.9\","
                        + "\"commit\":{\"type\":\"commit\",\"hash\":\"a3c4e02\"}}}"));
        for (String body : bodies) {
            assertThat(http.post("/repositories/globex/data-pipeline/pipelines", body).conforms().status())
                    .isEqualTo(201);
        }
        Reply invalid = http.post("/repositories/globex/data-pipeline/pipelines/",
                "{\"target\":{\"type\":\"pipeline_ref_target\"}}").conforms();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(http.post("/repositories/globex/nope/pipelines/", bodies.get(0)).conforms().status())
                .isEqualTo(404);
    }

    @Test
    void malformedRequestsAre400sInBitbucketsErrorShape() {
        String runs = "/repositories/globex/data-pipeline/pipelines/";
        for (String body : List.of("{not json", "[]",
                "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_name\":\"main\","
                        + "\"selector\":{\"type\":\"nightly\",\"pattern\":\"x\"}}}",
                "{\"target\":{\"type\":\"pipeline_commit_target\",\"commit\":{\"hash\":\"not-a-hash\"}}}",
                "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_name\":\"main\"},"
                        + "\"variables\":[{\"key\":\"has space\",\"value\":\"x\"}]}")) {
            Reply reply = http.post(runs, body).conforms();
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("error").path("message").asString()).isNotBlank();
        }
        for (String query : List.of("?pagelen=0", "?page=0", "?page=abc", "?sort=name")) {
            Reply reply = http.get(runs + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).isEqualTo("error");
        }
    }

    @Test
    void unknownObjectsAre404sInBitbucketsErrorShape() {
        for (String path : List.of("/workspaces/nope", "/repositories/acme/nope", "/repositories/nope",
                "/repositories/acme/api/pipelines/%7B00000000-0000-0000-0000-000000000000%7D",
                "/repositories/acme/api/pipelines/1/steps/%7B00000000-0000-0000-0000-000000000000%7D",
                "/repositories/acme/api/pipelines/1/steps/%7B00000000-0000-0000-0000-000000000000%7D/log")) {
            Reply reply = http.get(path).conforms();
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().path("type").asString()).isEqualTo("error");
            assertThat(reply.json().path("error").path("message").asString()).isNotBlank();
        }
        Reply unknownEndpoint = http.get("/snippets/acme");
        assertThat(unknownEndpoint.status()).isEqualTo(404);
        assertThat(unknownEndpoint.json().path("type").asString()).isEqualTo("error");
    }
}

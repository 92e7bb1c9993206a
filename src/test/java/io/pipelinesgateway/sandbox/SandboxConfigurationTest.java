package io.pipelinesgateway.sandbox;

import static io.pipelinesgateway.sandbox.SandboxHttp.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The Pipelines configuration endpoints keep state like Bitbucket's: what is created can be read, changed and
 * deleted, conflicts and bad input are refused, secrets are never returned, and every answer conforms to the spec.
 */
class SandboxConfigurationTest extends SandboxHttpTest {

    private Reply put(String path, String body) {
        return http.send(HttpMethod.PUT, path, body);
    }

    private Reply delete(String path) {
        return http.send(HttpMethod.DELETE, path, null);
    }

    private static String pathOf(Reply created) {
        String location = created.headers().getFirst(HttpHeaders.LOCATION);
        return location.substring(location.indexOf(SandboxHttp.ROOT) + SandboxHttp.ROOT.length());
    }

    @Test
    void variablesAtEveryLevelCanBeCreatedReadChangedAndDeletedWithoutRevealingSecuredValues() {
        String production = http.get("/repositories/acme/web-app/environments/").values().get(2).path("uuid")
                .asString();
        String user = http.get("/user").json().path("uuid").asString();
        for (String scope : List.of("/workspaces/acme/pipelines-config/variables",
                "/teams/globex/pipelines_config/variables/",
                "/repositories/acme/web-app/pipelines_config/variables/",
                "/repositories/acme/web-app/deployments_config/environments/" + seg(production) + "/variables",
                "/users/" + seg(user) + "/pipelines_config/variables/")) {
            int before = http.get(scope).conforms().json().path("size").asInt();
            Reply created = http.post(scope, "{\"key\":\"SANDBOX_TEST\",\"value\":\"visible\"}").conforms();
            assertThat(created.status()).as(scope).isEqualTo(201);
            assertThat(created.json().path("value").asString()).isEqualTo("visible");
            assertThat(http.post(scope, "{\"key\":\"SANDBOX_TEST\",\"value\":\"again\"}").conforms().status())
                    .isEqualTo(409);
            assertThat(http.post(scope, "{\"key\":\"1 bad key\"}").status()).isEqualTo(400);

            String variable = pathOf(created);
            JsonNode secured = put(variable, "{\"value\":\"hidden\",\"secured\":true}").conforms().json();
            assertThat(secured.path("secured").asBoolean()).isTrue();
            assertThat(secured.has("value")).isFalse();
            assertThat(http.get(scope).values()).filteredOn(v -> v.path("key").asString().equals("SANDBOX_TEST"))
                    .allSatisfy(v -> assertThat(v.has("value")).isFalse());
            assertThat(http.get(scope).json().path("size").asInt()).isEqualTo(before + 1);

            assertThat(delete(variable).conforms().status()).isEqualTo(204);
            assertThat(delete(variable).conforms().status()).isEqualTo(404);
        }
        assertThat(http.get("/users/someone-else/pipelines_config/variables").status()).isEqualTo(404);
    }

    /**
     * As in Bitbucket, a secured variable can only be given a new value or be deleted: a change to 'secured: false'
     * leaves it secured (answered 200, as the spec has it, without the value), and a new value sent with it is taken.
     */
    @Test
    void aSecuredVariableCanBeGivenANewValueButNeverUnsecured() {
        String scope = "/repositories/acme/web-app/pipelines_config/variables/";
        Reply created = http.post(scope, "{\"key\":\"SANDBOX_SECURED\",\"value\":\"hidden\",\"secured\":true}")
                .conforms();
        String variable = pathOf(created);
        try {
            for (String unsecure : List.of("{\"secured\":false}", "{\"value\":\"renewed\",\"secured\":false}")) {
                JsonNode answer = put(variable, unsecure).conforms().json();
                assertThat(answer.path("secured").asBoolean()).as(unsecure).isTrue();
                assertThat(answer.has("value")).as(unsecure).isFalse();
                JsonNode read = http.get(variable).conforms().json();
                assertThat(read.path("secured").asBoolean()).as(unsecure).isTrue();
                assertThat(read.has("value")).as(unsecure).isFalse();
            }
            assertThat(http.get(scope).values()).filteredOn(v -> v.path("key").asString().equals("SANDBOX_SECURED"))
                    .singleElement().satisfies(v -> assertThat(v.has("value")).isFalse());
        } finally {
            delete(variable);
        }
    }

    @Test
    void deploymentEnvironmentsCanBeListedCreatedRenamedAndDeleted() {
        String environments = "/repositories/globex/billing-service/environments/";
        assertThat(http.get(environments).conforms().values()).extracting(e -> e.path("name").asString())
                .containsExactly("Test", "Staging", "Production");
        Reply created = http.post(environments, "{\"name\":\"Canary\",\"environment_type\":{\"name\":\"Production\"}}")
                .conforms();
        assertThat(created.status()).isEqualTo(201);
        assertThat(http.post(environments, "{\"name\":\"canary\"}").conforms().status()).isEqualTo(409);
        String environment = pathOf(created);
        assertThat(http.post(environment + "/changes/", "{\"name\":\"Canary EU\"}").conforms().status())
                .isEqualTo(202);
        assertThat(http.get(environment).conforms().json().path("name").asString()).isEqualTo("Canary EU");
        assertThat(delete(environment).conforms().status()).isEqualTo(204);
        assertThat(http.get(environment).conforms().status()).isEqualTo(404);
    }

    @Test
    void whilePipelinesAreDisabledRunsAreRefused() {
        String config = "/repositories/globex/mobile-app/pipelines_config";
        assertThat(http.get(config).conforms().json().path("enabled").asBoolean()).isTrue();
        try {
            assertThat(put(config, "{\"enabled\":false}").conforms().json().path("enabled").asBoolean()).isFalse();
            Reply refused = http.post("/repositories/globex/mobile-app/pipelines/",
                    "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"branch\",\"ref_name\":\"main\"}}")
                    .conforms();
            assertThat(refused.status()).isEqualTo(400);
        } finally {
            put(config, "{\"enabled\":true}");
        }
    }

    @Test
    void theBuildNumberCanOnlyMoveForward() {
        String repo = "/repositories/acme/infra";
        int latest = http.get(repo + "/pipelines/?sort=-created_on&pagelen=1").values().get(0).path("build_number")
                .asInt();
        Reply backwards = put(repo + "/pipelines_config/build_number", "{\"next\":" + latest + "}").conforms();
        assertThat(backwards.status()).isEqualTo(400);
        Reply forwards = put(repo + "/pipelines_config/build_number", "{\"next\":" + (latest + 100) + "}").conforms();
        assertThat(forwards.json().path("next").asInt()).isEqualTo(latest + 100);
        JsonNode run = http.post(repo + "/pipelines/",
                "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"branch\",\"ref_name\":\"main\"}}").json();
        assertThat(run.path("build_number").asInt()).isEqualTo(latest + 100);
    }

    @Test
    void schedulesCanBeManagedAndListTheirExecutions() {
        String schedules = "/repositories/acme/api/pipelines_config/schedules/";
        JsonNode nightly = http.get(schedules).conforms().values().get(0);
        assertThat(nightly.path("cron_pattern").asString()).isEqualTo("0 0 2 * * ? *");
        List<JsonNode> executions = http.get(schedules + seg(nightly.path("uuid").asString()) + "/executions/")
                .conforms().values();
        assertThat(executions).extracting(e -> e.path("type").asString()).containsExactly(
                "pipeline_schedule_execution_executed", "pipeline_schedule_execution_errored",
                "pipeline_schedule_execution_executed");
        assertThat(executions.get(0).path("pipeline").path("trigger").path("name").asString()).isEqualTo("SCHEDULE");

        String body = "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"branch\",\"ref_name\":\"develop\","
                + "\"selector\":{\"type\":\"branches\",\"pattern\":\"develop\"}},\"cron_pattern\":\"0 0 6 * * ? *\"}";
        Reply created = http.post("/repositories/acme/web-app/pipelines_config/schedules/", body).conforms();
        assertThat(created.status()).isEqualTo(201);
        assertThat(http.post("/repositories/acme/web-app/pipelines_config/schedules/",
                body.replace("0 0 6 * * ? *", "every day")).conforms().status()).isEqualTo(400);
        String schedule = pathOf(created);
        assertThat(put(schedule, "{\"enabled\":false}").conforms().json().path("enabled").asBoolean()).isFalse();
        assertThat(http.get(schedule + "/executions").conforms().values()).isEmpty();
        assertThat(delete(schedule).conforms().status()).isEqualTo(204);
        assertThat(http.get(schedule).conforms().status()).isEqualTo(404);
    }

    @Test
    void theSshKeyPairNeverReturnsItsPrivateKey() {
        JsonNode seeded = http.get("/repositories/acme/api/pipelines_config/ssh/key_pair").conforms().json();
        assertThat(seeded.path("public_key").asString()).startsWith("ssh-ed25519 ");
        assertThat(seeded.has("private_key")).isFalse();

        String keyPair = "/repositories/acme/web-app/pipelines_config/ssh/key_pair";
        assertThat(http.get(keyPair).conforms().status()).isEqualTo(404);
        JsonNode set = put(keyPair, "{\"private_key\":\"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbg==\\n"
                + "-----END OPENSSH PRIVATE KEY-----\",\"public_key\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@host\"}")
                .conforms().json();
        assertThat(set.has("private_key")).isFalse();
        assertThat(http.get(keyPair).conforms().json().path("public_key").asString()).endsWith("me@host");
        assertThat(put(keyPair, "{\"public_key\":\"ssh-ed25519 AAAA\"}").status()).isEqualTo(400);
        assertThat(delete(keyPair).conforms().status()).isEqualTo(204);
        assertThat(delete(keyPair).conforms().status()).isEqualTo(404);
    }

    @Test
    void knownHostsCarryTheirKeysFingerprints() {
        List<JsonNode> hosts = http.get("/repositories/acme/api/pipelines_config/ssh/known_hosts/").conforms()
                .values();
        assertThat(hosts).extracting(h -> h.path("hostname").asString()).containsExactly("bitbucket.org",
                "github.com");
        // Bitbucket's and GitHub's published ed25519 fingerprints.
        assertThat(hosts.get(0).path("public_key").path("sha256_fingerprint").asString())
                .isEqualTo("SHA256:ybgmFkzwOSotHTHLJgHO0QN8L0xErw6vd0VhFA9m3SM");
        assertThat(hosts.get(1).path("public_key").path("sha256_fingerprint").asString())
                .isEqualTo("SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU");

        String hostsPath = "/repositories/globex/data-pipeline/pipelines_config/ssh/known_hosts/";
        String body = "{\"hostname\":\"git.globex.example\",\"public_key\":{\"key_type\":\"ssh-ed25519\","
                + "\"key\":\"AAAAC3NzaC1lZDI1NTE5AAAAIIazEu89wgQZ4bqs3d63QSMzYVa0MuJ2e2gKTKqu+UUO\"}}";
        Reply created = http.post(hostsPath, body).conforms();
        assertThat(created.status()).isEqualTo(201);
        assertThat(http.post(hostsPath, body).conforms().status()).isEqualTo(409);
        String host = pathOf(created);
        assertThat(put(host, body.replace("git.globex", "scm.globex")).conforms().json().path("hostname").asString())
                .isEqualTo("scm.globex.example");
        assertThat(http.get(host).conforms().json().path("public_key").path("md5_fingerprint").asString())
                .startsWith("MD5:");
        assertThat(delete(host).conforms().status()).isEqualTo(204);
        assertThat(http.get(host).conforms().status()).isEqualTo(404);
    }

    @Test
    void cachesCanBeListedDownloadedAndDeletedOneByOneOrByName() {
        List<JsonNode> caches = http.get("/repositories/acme/api/pipelines-config/caches/").conforms().values();
        assertThat(caches).extracting(c -> c.path("name").asString()).containsExactly("maven", "docker");
        String uri = http.get("/repositories/acme/api/pipelines-config/caches/"
                + seg(caches.get(0).path("uuid").asString()) + "/content-uri").conforms().json().path("uri").asString();
        assertThat(uri).startsWith("http");

        String billing = "/repositories/globex/billing-service/pipelines-config/caches/";
        JsonNode gomod = http.get(billing).values().get(0);
        assertThat(delete(billing + seg(gomod.path("uuid").asString())).conforms().status()).isEqualTo(204);
        assertThat(delete(billing + "?name=docker").conforms().status()).isEqualTo(204);
        assertThat(http.get(billing).values()).isEmpty();
        assertThat(delete(billing + "?name=docker").conforms().status()).isEqualTo(404);
    }
}

package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import io.pipelinesgateway.support.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The sandbox accepts any credential, and none, except the literal {@code invalid} (401) and {@code forbidden}
 * (403), as a Bearer token or as the password / API token of Basic, so that error paths can be shown; and the Bearer
 * token {@code access-token}, a workspace's access token, is refused the caller's workspaces, as Bitbucket refuses
 * an access token them.
 */
class SandboxAuthenticationTest extends SandboxHttpTest {

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theInvalidTokenIsRejectedWith401InBitbucketsErrorShape() {
        Reply bearer = http.get("/user", "Authorization", "Bearer invalid").conforms();
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.json().path("error").path("message").asString()).isNotBlank();
        assertThat(http.get("/user", "Authorization", basic("dev@acme.example", "invalid")).conforms().status())
                .isEqualTo(401);
    }

    @Test
    void theForbiddenTokenIsRefusedWith403() {
        Reply bearer = http.get("/repositories/acme/api", "Authorization", "Bearer forbidden").conforms();
        assertThat(bearer.status()).isEqualTo(403);
        assertThat(bearer.json().path("type").asString()).isEqualTo("error");
        assertThat(http.get("/repositories/acme/api/pipelines/", "Authorization",
                basic("dev@acme.example", "forbidden")).status()).isEqualTo(403);
    }

    @Test
    void theWorkspaceAccessTokenIsRefusedTheCallersWorkspacesAndReadsAllElse() {
        Reply workspaces = http.get("/user/workspaces", "Authorization", "Bearer access-token").conforms();
        assertThat(workspaces.status()).isEqualTo(403);
        assertThat(workspaces.json().path("error").path("message").asString())
                .isEqualTo("This API is not accessible by this authentication mechanism");
        assertThat(http.get("/repositories/acme/api", "Authorization", "Bearer access-token").conforms().status())
                .isEqualTo(200);
    }

    @Test
    void anyOtherCredentialAndNoneAtAllAreLetThroughAsTheSandboxUser() {
        for (String[] headers : new String[][] {
                {},
                {"Authorization", "Bearer " + TestSecrets.SANDBOX_WORKSPACE_TOKEN},
                {"Authorization", basic("dev@acme.example", TestSecrets.SANDBOX_API_TOKEN)}}) {
            Reply reply = http.get("/user", headers).conforms();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("nickname").asString()).isEqualTo("sandbox-user");
        }
    }
}

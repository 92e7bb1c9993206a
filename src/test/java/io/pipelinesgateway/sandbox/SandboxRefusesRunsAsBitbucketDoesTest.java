package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run the sandbox cannot start is refused as Bitbucket refuses it: a ref the repository does not have is a 404 that
 * says which, in the detail of a generic "Not found" (as Bitbucket answers it); a custom pipeline the repository's
 * bitbucket-pipelines.yml does not define is Bitbucket's 400, word for word; the same variable key twice is a 400.
 * The sandbox's repositories have their main branch and the branches and tags their seeded pipelines were built on,
 * and define a few custom pipelines ({@link TheSeedRunsOnlyCustomPipelinesItsRepositoriesDefineTest}).
 */
class SandboxRefusesRunsAsBitbucketDoesTest extends SandboxHttpTest {

    private static final String RUNS = "/repositories/globex/billing-service/pipelines/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aBranchTheRepositoryDoesNotHaveIsNotFoundAndOneItsPipelinesWereBuiltOnRuns() {
        Reply unknown = http.post(RUNS, refTarget("branch", "feature/no-such-branch", "")).conforms();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("message").asString()).isEqualTo("Not found");
        assertThat(unknown.json().path("error").path("detail").asString())
                .isEqualTo("Could not find last reference for branch feature/no-such-branch");
        assertThat(http.post(RUNS, refTarget("branch", "feature/ledger-export", "")).conforms().status())
                .isEqualTo(201);
    }

    @Test
    void aTagTheRepositoryDoesNotHaveIsNotFoundUnlessTheCommitToBuildIsGiven() {
        Reply unknown = http.post(RUNS, refTarget("tag", "v9.9.9", "")).conforms();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("detail").asString())
                .isEqualTo("Could not find last reference for tag v9.9.9");
        assertThat(http.post(RUNS, refTarget("tag", "v1.8.0", "")).conforms().status()).isEqualTo(201);
        assertThat(http.post(RUNS, refTarget("tag", "v9.9.9", ",\"commit\":{\"type\":\"commit\",\"hash\":\"a3c4e02\"}"))
                .conforms().status()).isEqualTo(201);
    }

    @Test
    void aCustomPipelineTheRepositoryDoesNotDefineIsBitbucketsBadRequestAndOneItDefinesRuns() {
        Reply unknown = http.post(RUNS, refTarget("branch", "main", customSelector("deploy-to-moon"))).conforms();

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).isEqualTo(JSON.readTree(Payloads.bytes("pipeline-run-rejected.json")));
        assertThat(http.post(RUNS, refTarget("branch", "main", customSelector("deploy-to-production"))).conforms()
                .status()).isEqualTo(201);
    }

    @Test
    void aCustomPipelineTheRepositoryDoesNotDefineIsABadRequestOnACommitToo() {
        // nightly-load is a custom pipeline of another repository, globex/data-pipeline.
        Reply unknown = http.post(RUNS, "{\"target\":{\"type\":\"pipeline_commit_target\","
                + "\"commit\":{\"type\":\"commit\",\"hash\":\"a3c4e02\"}" + customSelector("nightly-load") + "}}")
                .conforms();

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("data").path("key").asString())
                .isEqualTo("result-service.pipeline.selector-not-found");
    }

    @Test
    void theSameVariableKeyTwiceIsABadRequest() {
        Reply twice = http.post(RUNS, "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"branch\","
                + "\"ref_name\":\"main\"},\"variables\":[{\"key\":\"REGION\",\"value\":\"eu\"},"
                + "{\"key\":\"REGION\",\"value\":\"us\"}]}").conforms();

        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("error").path("message").asString()).isEqualTo("Bad request");
        assertThat(twice.json().path("error").path("detail").asString())
                .isEqualTo("The variable key 'REGION' is given more than once.");
    }

    private static String customSelector(String name) {
        return ",\"selector\":{\"type\":\"custom\",\"pattern\":\"" + name + "\"}";
    }

    private static String refTarget(String refType, String refName, String more) {
        return "{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"" + refType + "\",\"ref_name\":\""
                + refName + "\"" + more + "}}";
    }
}

package io.pipelinesgateway.pipeline;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * runPipeline checks what it can before calling Bitbucket, naming the field at fault, and reports what Bitbucket
 * itself rejects as a user error, and a ref Bitbucket does not have as NOT_FOUND, each in Bitbucket's words.
 */
class RunPipelineInputChecksTest extends MutationTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"ce5b74", "xyz4567", "ce5b7431602f7cbba007062eeb55225c6e18e9561", "ce5b 743"})
    void aCommitHashThatIsNotSevenToFortyHexCharactersIsRejected(String hash) {
        assertRejectedBeforeBitbucket(run(Map.of("ref", Map.of("refName", "main", "commitHash", hash)), List.of()),
                "input", "target", "ref", "commitHash");
    }

    @Test
    void aDestinationCommitHashIsCheckedToo() {
        assertRejectedBeforeBitbucket(run(Map.of("pullRequest", Map.of("id", 3, "sourceBranch", "feature",
                        "destinationBranch", "main", "destinationCommitHash", "main")), List.of()),
                "input", "target", "pullRequest", "destinationCommitHash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1ST_KEY", "MY-KEY", "MY KEY", "CLÉ"})
    void aVariableKeyThatBuildScriptsCannotReadIsRejected(String key) {
        assertRejectedBeforeBitbucket(run(Map.of("ref", Map.of("refName", "main")),
                        List.of(Map.of("key", "FINE", "value", "1"), Map.of("key", key, "value", "2"))),
                "input", "variables", "1", "key");
    }

    @Test
    void theSameVariableKeyTwiceIsRejectedBeforeBitbucket() {
        GraphQlTester.Response response = run(Map.of("ref", Map.of("refName", "main")),
                List.of(Map.of("key", "REGION", "value", "eu"), Map.of("key", "TIER", "value", "1"),
                        Map.of("key", "REGION", "value", "us")));

        assertRejectedBeforeBitbucket(response, "input", "variables", "2", "key");
        response.errors().satisfy(errors -> assertThat(errors.get(0).getMessage())
                .contains("'REGION'").contains("input.variables.0.key"));
    }

    @Test
    void anUnknownRefTypeIsRejected() {
        assertRejectedBeforeBitbucket(run(Map.of("ref", Map.of("refType", "UNKNOWN", "refName", "main")), List.of()),
                "input", "target", "ref", "refType");
    }

    @Test
    void aBlankRefNameIsRejected() {
        assertRejectedBeforeBitbucket(run(Map.of("ref", Map.of("refName", " ")), List.of()),
                "input", "target", "ref", "refName");
    }

    @Test
    void aPullRequestNumberThatIsNotPositiveIsRejected() {
        assertRejectedBeforeBitbucket(run(Map.of("pullRequest", Map.of("id", 0, "sourceBranch", "feature",
                "destinationBranch", "main")), List.of()), "input", "target", "pullRequest", "id");
    }

    @Test
    void aSelectorWithoutAPatternIsRejected() {
        assertRejectedBeforeBitbucket(run(Map.of("commit", Map.of("commitHash", "a3c4e02",
                        "selector", Map.of("type", "CUSTOM"))), List.of()),
                "input", "target", "commit", "selector", "pattern");
    }

    @Test
    void twoTargetsAtOnceAreRejectedBeforeBitbucket() {
        GraphQlTester.Response response = run(Map.of("ref", Map.of("refName", "main"),
                "commit", Map.of("commitHash", "a3c4e02", "selector", Map.of("type", "DEFAULT"))), List.of());

        response.errors().satisfy(errors -> assertThat(errors).hasSize(1));
        assertNoUpstreamCall();
    }

    @Test
    void aDefinitionBitbucketDoesNotFindIsAUserErrorOnTheTargetInBitbucketsWords() {
        stub(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines/")), 400, "pipeline-run-rejected.json");

        GraphQlTester.Response response = run(Map.of("ref", Map.of("refName", "main",
                "selector", Map.of("type", "CUSTOM", "pattern", "deploy-to-moon"))), List.of());

        assertUserError(response, "runPipeline", "input", "target");
        response.path("runPipeline.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(
                message).endsWith(": Requested selector is not found in bitbucket-pipelines.yml."));
        response.path("runPipeline.pipeline").valueIsNull();
    }

    @Test
    void aBranchBitbucketDoesNotHaveIsNotFoundInBitbucketsWords() {
        stub(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines/")), 404,
                "pipeline-run-ref-not-found.json");

        GraphQlTester.Response response = run(Map.of("ref", Map.of("refName", "feature/gone")), List.of());

        assertTopLevelError(response, "runPipeline", "NOT_FOUND");
        response.errors().satisfy(errors -> assertThat(errors.get(0).getMessage())
                .endsWith(": Could not find last reference for branch feature/gone"));
    }

    private GraphQlTester.Response run(Map<String, Object> target, List<Map<String, Object>> variables) {
        return graphQl.document("""
                        mutation Run($input: RunPipelineInput!) {
                          runPipeline(input: $input) { pipeline { uuid } userErrors { field message } }
                        }""")
                .variable("input", Map.of("workspace", "acme", "repository", "api", "target", target,
                        "variables", variables))
                .execute();
    }
}

package io.pipelinesgateway.pipeline;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox, which refuses runs as Bitbucket does: a run on a branch the repository does
 * not have is NOT_FOUND in Bitbucket's words (the first 200 characters of them, when they echo a long name), a custom pipeline the repository does not define is a user error on the
 * target in Bitbucket's words, and a run that gives a variable key twice is refused by the gateway itself, naming the
 * field, before Bitbucket is asked.
 */
class ARunOnTheSandboxThatCannotStartSaysWhyTest extends SandboxFlowSupport {

    private static final String RUN = """
            mutation Run($input: RunPipelineInput!) {
              runPipeline(input: $input) { pipeline { uuid } userErrors { field message } }
            }""";

    @Test
    void aBranchTheRepositoryDoesNotHaveIsNotFoundNamingTheBranch() {
        GraphQlTester.Response response = run(Map.of("refName", "feature/no-such-branch"), List.of());

        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(errors.get(0).getPath()).isEqualTo("runPipeline");
            assertThat(errors.get(0).getMessage())
                    .endsWith(": Could not find last reference for branch feature/no-such-branch");
        });
        response.path("runPipeline").valueIsNull();
    }

    @Test
    void aBranchNameOfThousandsOfCharactersIsEchoedOnlyInPart() {
        String branch = "feature/" + "x".repeat(5_000);

        GraphQlTester.Response response = run(Map.of("refName", branch), List.of());

        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(errors.get(0).getMessage())
                    .contains(": Could not find last reference for branch feature/xxx")
                    .endsWith("x…")
                    .doesNotContain(branch)
                    .hasSizeLessThan(400);
        });
    }

    @Test
    void aCustomPipelineTheRepositoryDoesNotDefineIsAUserErrorOnTheTargetInBitbucketsWords() {
        GraphQlTester.Response response = run(Map.of("refName", "main",
                "selector", Map.of("type", "CUSTOM", "pattern", "deploy-to-moon")), List.of());

        response.errors().verify();
        response.path("runPipeline.pipeline").valueIsNull();
        response.path("runPipeline.userErrors[*].field").entityList(Object.class)
                .containsExactly(List.of("input", "target"));
        response.path("runPipeline.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(
                message).endsWith(": Requested selector is not found in bitbucket-pipelines.yml."));
    }

    @Test
    void theSameVariableKeyTwiceIsRefusedNamingTheSecondOne() {
        GraphQlTester.Response response = run(Map.of("refName", "main"),
                List.of(Map.of("key", "DEPLOY_ENV", "value", "staging"),
                        Map.of("key", "DEPLOY_ENV", "value", "production")));

        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("field", List.of("input", "variables", "1", "key"));
        });
        response.path("runPipeline").valueIsNull();
    }

    private GraphQlTester.Response run(Map<String, Object> ref, List<Map<String, Object>> variables) {
        return graphQl.document(RUN).variable("input", Map.of("workspace", "acme", "repository", "web-app",
                "target", Map.of("ref", ref), "variables", variables)).execute();
    }
}

package io.pipelinesgateway.graphql;

import java.util.Arrays;
import java.util.stream.Stream;

import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/**
 * How Bitbucket's refusals reach a mutation's caller: input it rejects (400, 409, and any 4xx the gateway has no
 * code of its own for, such as 422 or 405) comes back in the payload's
 * {@code userErrors} on the field the mutation names; a bad credential (401), a missing scope (403) and a missing
 * object (404) are top-level errors with their code, since no change of the input fixes them.
 */
class UpstreamAnswersToMutationsTest extends MutationTestSupport {

    private static final String PIPELINE_ID = GlobalId.encode("Pipeline", "acme", "api",
            "{5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a}");
    private static final String VARIABLE_ID = GlobalId.encode("Variable", "WORKSPACE", "acme",
            "{3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f}");

    /** A mutation, the call it makes, and the input field a rejection of that call is about. */
    record Case(String mutation, String document, String method, String path, String[] field) {

        @Override
        public String toString() {
            return mutation;
        }
    }

    /** An answer of Bitbucket's and what the caller sees: a user error, or a top-level error with this code. */
    record Answer(int status, String payload, String code) {

        @Override
        public String toString() {
            return String.valueOf(status);
        }
    }

    static Stream<Arguments> mutationsAndAnswers() {
        Stream<Case> cases = Stream.of(
                new Case("runPipeline", """
                        mutation { runPipeline(input: {workspace: "acme", repository: "api",
                            target: {ref: {refName: "main"}}}) { pipeline { uuid } userErrors { field message } } }""",
                        "POST", "/repositories/acme/api/pipelines/", new String[] {"input", "target"}),
                new Case("stopPipeline", """
                        mutation { stopPipeline(input: {id: "%s"}) { pipeline { uuid } userErrors { field message } } }"""
                        .formatted(PIPELINE_ID), "POST",
                        "/repositories/acme/api/pipelines/%7B5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a%7D/stopPipeline",
                        new String[] {"input", "id"}),
                new Case("createVariable", """
                        mutation { createVariable(input: {scope: {workspace: "acme", repository: "api"}, key: "K",
                            value: "v"}) { variable { id } userErrors { field message } } }""",
                        "POST", "/repositories/acme/api/pipelines_config/variables/", new String[] {"input", "key"}),
                new Case("updateVariable", """
                        mutation { updateVariable(input: {id: "%s", key: "NEW_KEY"}) {
                            variable { id } userErrors { field message } } }""".formatted(VARIABLE_ID), "PUT",
                        "/workspaces/acme/pipelines-config/variables/%7B3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f%7D",
                        new String[] {"input", "key"}),
                new Case("deleteVariable", """
                        mutation { deleteVariable(input: {id: "%s"}) { deleted userErrors { field message } } }"""
                        .formatted(VARIABLE_ID), "DELETE",
                        "/workspaces/acme/pipelines-config/variables/%7B3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f%7D",
                        new String[0]),
                new Case("createSchedule", """
                        mutation { createSchedule(input: {workspace: "acme", repository: "api",
                            cronPattern: "0 0 2 * * ? *", target: {branch: "main", selector: {type: BRANCHES,
                            pattern: "main"}}}) { schedule { id } userErrors { field message } } }""",
                        "POST", "/repositories/acme/api/pipelines_config/schedules/",
                        new String[] {"input", "target"}),
                new Case("createKnownHost", """
                        mutation { createKnownHost(input: {workspace: "acme", repository: "api",
                            hostname: "git.acme.example", publicKey: {keyType: "ssh-ed25519", key: "AAAA"}}) {
                            knownHost { id } userErrors { field message } } }""",
                        "POST", "/repositories/acme/api/pipelines_config/ssh/known_hosts/",
                        new String[] {"input", "hostname"}),
                new Case("setSshKeyPair", """
                        mutation { setSshKeyPair(input: {workspace: "acme", repository: "api",
                            privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----", publicKey: "ssh-ed25519 AAAA"}) {
                            sshKeyPair { publicKey } userErrors { field message } } }""",
                        "PUT", "/repositories/acme/api/pipelines_config/ssh/key_pair",
                        new String[] {"input", "privateKey"}),
                new Case("setPipelinesEnabled", """
                        mutation { setPipelinesEnabled(input: {workspace: "acme", repository: "api", enabled: true}) {
                            pipelinesConfiguration { enabled } userErrors { field message } } }""",
                        "PUT", "/repositories/acme/api/pipelines_config", new String[] {"input", "enabled"}),
                new Case("deleteCachesByName", """
                        mutation { deleteCachesByName(input: {workspace: "acme", repository: "api", name: "node"}) {
                            deleted userErrors { field message } } }""",
                        "DELETE", "/repositories/acme/api/pipelines-config/caches?name=node", new String[0]));
        Answer[] answers = {
            new Answer(400, "error-400.json", null),
            new Answer(409, "error-409.json", null),
            new Answer(422, "error-422.json", null),
            new Answer(405, "error-405.json", null),
            new Answer(401, "error-401.json", "UNAUTHENTICATED"),
            new Answer(403, "error-403.json", "FORBIDDEN"),
            new Answer(404, "error-404.json", "NOT_FOUND")
        };
        return cases.flatMap(mutation -> Arrays.stream(answers).map(answer -> Arguments.of(mutation, answer)));
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("mutationsAndAnswers")
    void bitbucketsAnswerReachesTheCallerAsItShould(Case mutation, Answer answer) {
        stub(request(mutation.method(), urlEqualTo(API_ROOT + mutation.path())), answer.status(), answer.payload());

        GraphQlTester.Response response = graphQl.document(mutation.document()).execute();

        if (answer.code() == null) {
            assertUserError(response, mutation.mutation(), mutation.field());
        }
        else {
            assertTopLevelError(response, mutation.mutation(), answer.code());
        }
    }
}

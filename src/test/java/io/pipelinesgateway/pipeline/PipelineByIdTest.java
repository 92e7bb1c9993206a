package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_40;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading one pipeline: {@code GET /repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}}, where Bitbucket
 * also takes the build number in place of the UUID.
 */
class PipelineByIdTest extends GatewayTest {

    static final String FIELDS = """
            uuid buildNumber status isTerminal
            state { name stage result type }
            target {
              kind refType refName branch
              commit { hash shortHash }
              selector { type pattern }
              pullRequest { id title sourceBranch destinationBranch destinationCommit { hash } }
            }
            trigger { kind name }
            creator { uuid displayName nickname accountId avatarUrl }
            createdOn completedOn durationSeconds buildSecondsUsed
            variables { uuid key value secured }
            configurationSources { source uri }
            webUrl
            """;

    static final String PIPELINE_42_JSON = """
            {
              "uuid": "{4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f}",
              "buildNumber": 42,
              "status": "SUCCESSFUL",
              "isTerminal": true,
              "state": {"name": "COMPLETED", "stage": null, "result": "SUCCESSFUL", "type": "pipeline_state_completed"},
              "target": {
                "kind": "REF", "refType": "BRANCH", "refName": "main", "branch": "main",
                "commit": {"hash": "8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a", "shortHash": "8f3c2a1b9d7e"},
                "selector": {"type": "branches", "pattern": "main"},
                "pullRequest": null
              },
              "trigger": {"kind": "PUSH", "name": "PUSH"},
              "creator": {
                "uuid": "{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}", "displayName": "Ada Lovelace", "nickname": "ada",
                "accountId": "557058:0f6c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
                "avatarUrl": "https://secure.gravatar.com/avatar/7c6a1b2d3e4f?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FAL-1.png"
              },
              "createdOn": "2025-11-20T09:15:02.123Z",
              "completedOn": "2025-11-20T09:19:47.456Z",
              "durationSeconds": 285,
              "buildSecondsUsed": 281,
              "variables": [
                {"uuid": null, "key": "DEPLOY_ENV", "value": "staging", "secured": false},
                {"uuid": null, "key": "DEPLOY_TOKEN", "value": null, "secured": true}
              ],
              "configurationSources": [{
                "source": "bitbucket-pipelines.yml",
                "uri": "https://api.bitbucket.org/2.0/repositories/acme/api/src/8f3c2a1b9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a/bitbucket-pipelines.yml"
              }],
              "webUrl": "https://bitbucket.org/acme/api/pipelines/results/42"
            }
            """;

    @Test
    void readsAPipelineByUuidWithEveryFieldMapped() {
        given("pipeline-42.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) { %s } }
                        """.formatted(FIELDS))
                .variable("uuid", PIPELINE_42)
                .execute()
                .path("pipeline").matchesJsonStrictly(PIPELINE_42_JSON);

        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42))
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(upstreamRequests()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("GET");
            assertThat(request.getUrl())
                    .isEqualTo("/2.0/repositories/acme/api/pipelines/%7B4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f%7D");
        });
    }

    @Test
    void readsAPipelineByAUuidWrittenWithoutBracesAsBitbucketsBracedUuid() {
        given("pipeline-42.json");

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api",
                                   uuid: "4C5D6E7F-8A9B-4C0D-9E1F-2A3B4C5D6E7F") { buildNumber } }
                        """)
                .execute()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42)));
    }

    @Test
    void readsAPipelineByBuildNumber() {
        given("pipeline-42-by-build-number.json");

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", buildNumber: 42) { %s } }
                        """.formatted(FIELDS))
                .execute()
                .path("pipeline").matchesJsonStrictly(PIPELINE_42_JSON);

        assertThat(upstreamRequests()).singleElement().satisfies(request ->
                assertThat(request.getUrl()).isEqualTo("/2.0/repositories/acme/api/pipelines/42"));
    }

    @Test
    void readsAPipelineThroughItsRepository() {
        given("repository-api.json");
        given("pipeline-42-by-build-number.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { pipeline(buildNumber: 42) { uuid } } }
                        """)
                .execute()
                .path("repository.pipeline.uuid").entity(String.class).isEqualTo(PIPELINE_42);
    }

    @Test
    void readsARunningPipelineWhichHasNoResultYet() {
        given("pipeline-43-running.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                          status isTerminal completedOn durationSeconds state { name stage result type } } }
                        """)
                .variable("uuid", PIPELINE_43)
                .execute()
                .path("pipeline").matchesJson("""
                        {"status": "RUNNING", "isTerminal": false, "completedOn": null,
                         "state": {"name": "IN_PROGRESS", "stage": "RUNNING", "result": null,
                                   "type": "pipeline_state_in_progress"}}
                        """)
                // Until completion, the duration runs on: it is at least the time since 2025-11-20T10:02:00Z.
                .path("pipeline.durationSeconds").entity(Long.class).satisfies(seconds ->
                        assertThat(seconds).isGreaterThan(86_400L));
    }

    @Test
    void readsAPullRequestPipelinesSourceAndDestination() {
        given("pipeline-40-pull-request.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                          target { kind refType refName branch commit { shortHash } selector { type pattern }
                                   pullRequest { id title sourceBranch destinationBranch destinationCommit { hash } } } } }
                        """)
                .variable("uuid", PIPELINE_40)
                .execute()
                .path("pipeline.target").matchesJsonStrictly("""
                        {"kind": "PULL_REQUEST", "refType": null, "refName": null, "branch": "feature/login",
                         "commit": {"shortHash": "3c4d5e6f7a8b"},
                         "selector": {"type": "pull-requests", "pattern": "**"},
                         "pullRequest": {"id": "17", "title": "Add login with SSO", "sourceBranch": "feature/login",
                                         "destinationBranch": "main",
                                         "destinationCommit": {"hash": "4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e"}}}
                        """);
    }

    @Test
    void rejectsAMalformedUuidWithoutAskingBitbucket() {
        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "not-a-uuid") { uuid } }
                        """)
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("BAD_USER_INPUT")))
                .path("pipeline").valueIsNull();

        assertThat(upstreamRequests()).isEmpty();
        bitbucket.verify(0, getOf(pipelinesPath()));
    }
}

package io.pipelinesgateway.step;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static io.pipelinesgateway.support.Fixtures.stepsPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline's steps ({@code GET .../pipelines/{pipeline_uuid}/steps/}, read whole) and one step
 * ({@code GET .../pipelines/{pipeline_uuid}/steps/{step_uuid}}).
 */
class StepsTest extends GatewayTest {

    private static final String STEP_FIELDS = """
            uuid name status isTerminal
            state { name result type }
            startedOn completedOn durationSeconds buildSecondsUsed
            image { name isPrivate }
            setupCommands { name }
            scriptCommands { name command }
            serviceContainers { uuid name }
            """;

    @Test
    void readsAPipelinesStepsInOrderWithEveryFieldMapped() {
        given("pipeline-42.json");
        given("steps-pipeline-42.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                          steps { %s } } }
                        """.formatted(STEP_FIELDS))
                .variable("uuid", PIPELINE_42)
                .execute()
                .path("pipeline.steps").matchesJsonStrictly("""
                        [
                          {
                            "uuid": "{b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e}",
                            "name": "Build and unit test",
                            "status": "SUCCESSFUL",
                            "isTerminal": true,
                            "state": {"name": "COMPLETED", "result": "SUCCESSFUL", "type": "pipeline_step_state_completed"},
                            "startedOn": "2025-11-20T09:15:10Z",
                            "completedOn": "2025-11-20T09:17:40Z",
                            "durationSeconds": 150,
                            "buildSecondsUsed": 150,
                            "image": {"name": "maven:3.9-eclipse-temurin-17", "isPrivate": false},
                            "setupCommands": [{"name": "Clone"}],
                            "scriptCommands": [{"name": "mvn -B verify", "command": "mvn -B verify"}],
                            "serviceContainers": [{"uuid": "{d3e4f5a6-b7c8-4d9e-8f0a-1b2c3d4e5f60}", "name": "postgres"}]
                          },
                          {
                            "uuid": "{c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f}",
                            "name": "Integration tests",
                            "status": "FAILED",
                            "isTerminal": true,
                            "state": {"name": "COMPLETED", "result": "FAILED", "type": "pipeline_step_state_completed"},
                            "startedOn": "2025-11-20T09:17:45Z",
                            "completedOn": "2025-11-20T09:19:45Z",
                            "durationSeconds": 120,
                            "buildSecondsUsed": 120,
                            "image": {"name": "registry.acme.example/ci/jdk17:3", "isPrivate": true},
                            "setupCommands": [{"name": "Clone"}],
                            "scriptCommands": [
                              {"name": "mvn -B -Pintegration verify", "command": "mvn -B -Pintegration verify"},
                              {"name": "./scripts/upload-report.sh", "command": "./scripts/upload-report.sh"}
                            ],
                            "serviceContainers": []
                          }
                        ]
                        """);

        bitbucket.verify(exactly(1), getOf(stepsPath(PIPELINE_42))
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void readsOneStepByUuid() {
        given("pipeline-42.json");
        given("step-integration-tests.json");

        graphQl.document("""
                        query($pipeline: ID, $step: ID!) {
                          pipeline(workspace: "acme", repository: "api", uuid: $pipeline) {
                            step(uuid: $step) { uuid name status image { isPrivate } pipeline { buildNumber } } } }
                        """)
                .variable("pipeline", PIPELINE_42)
                .variable("step", STEP_TEST)
                .execute()
                .path("pipeline.step").matchesJsonStrictly("""
                        {"uuid": "{c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f}", "name": "Integration tests",
                         "status": "FAILED", "image": {"isPrivate": true}, "pipeline": {"buildNumber": 42}}
                        """);

        bitbucket.verify(exactly(1), getOf(stepPath(PIPELINE_42, STEP_TEST))
                .withHeader("Authorization", equalTo(bearer())));
        // The step's pipeline is the one the query already read.
        bitbucket.verify(exactly(1), getOf(pipelinePath(PIPELINE_42)));
        bitbucket.verify(0, getOf(stepsPath(PIPELINE_42)));
        assertThat(upstreamRequests()).hasSize(2);
    }
}

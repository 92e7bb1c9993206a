package io.pipelinesgateway.step;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

/**
 * Steps as real payloads show them ({@code steps-paused-pipeline.json}, {@code steps-stopped-pipeline.json}): how each
 * starts ({@code trigger}), its run, its {@code maxTime} and teardown commands; a manual step not started yet reads
 * PAUSED, waiting for a person, while an automatic step behind it stays PENDING, and a manual step a stop left out is
 * NOT_RUN like any other.
 */
class ManualStepsWaitForAPersonTest extends GatewayTest {

    private static final String PAUSED_PIPELINE = "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05}";
    private static final String STOPPED_PIPELINE = "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02}";

    private static final String STEPS = """
            query($uuid: ID) {
              pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                steps {
                  name status state { name result } trigger { kind type } runNumber maxTimeMinutes
                  startedOn completedOn durationSeconds teardownCommands { name command }
                }
              }
            }""";

    @Test
    void aManualStepNotStartedYetWaitsForAPersonWhileTheAutomaticOneBehindItIsPending() {
        given("pipeline-106-paused-since-2021.json");
        given("steps-paused-pipeline.json");

        graphQl.document(STEPS).variable("uuid", PAUSED_PIPELINE).execute().errors().verify()
                .path("pipeline.steps").matchesJsonStrictly("""
                        [
                          {"name": "Build and test", "status": "SUCCESSFUL",
                           "state": {"name": "COMPLETED", "result": "SUCCESSFUL"},
                           "trigger": {"kind": "AUTOMATIC", "type": "pipeline_step_trigger_automatic"},
                           "runNumber": 1, "maxTimeMinutes": 30,
                           "startedOn": "2021-03-01T12:00:05.109572944Z",
                           "completedOn": "2021-03-01T12:00:45.423783406Z", "durationSeconds": 40,
                           "teardownCommands": [
                             {"name": "Upload Metrics", "command": "echo \\"Uploading metrics\\""},
                             {"name": "Process Test Reports", "command": "echo \\"Processing test reports\\""}
                           ]},
                          {"name": "Deploy to production", "status": "PAUSED",
                           "state": {"name": "PENDING", "result": null},
                           "trigger": {"kind": "MANUAL", "type": "pipeline_step_trigger_manual"},
                           "runNumber": 1, "maxTimeMinutes": 120, "startedOn": null, "completedOn": null,
                           "durationSeconds": null, "teardownCommands": []},
                          {"name": "Smoke tests", "status": "PENDING",
                           "state": {"name": "PENDING", "result": null},
                           "trigger": {"kind": "AUTOMATIC", "type": "pipeline_step_trigger_automatic"},
                           "runNumber": 1, "maxTimeMinutes": 120, "startedOn": null, "completedOn": null,
                           "durationSeconds": null, "teardownCommands": []}
                        ]
                        """);
    }

    @Test
    void aManualStepAStopLeftOutIsNotRun() {
        given("pipeline-109-stopped-rerun.json");
        given("steps-stopped-pipeline.json");

        graphQl.document(STEPS).variable("uuid", STOPPED_PIPELINE).execute().errors().verify()
                .path("pipeline.steps[*].status").entityList(String.class).containsExactly("STOPPED", "NOT_RUN")
                .path("pipeline.steps[*].trigger.kind").entityList(String.class)
                .containsExactly("AUTOMATIC", "MANUAL")
                .path("pipeline.steps[*].runNumber").entityList(Integer.class).containsExactly(2, 2);
    }
}

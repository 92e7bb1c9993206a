package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * What real pipeline payloads carry besides the spec's fields ({@code pipelines-real-shapes.json}): re-runs, who
 * stopped a pipeline, whether it expired or was the first success, labels, and merge-queue targets; and what a target
 * or trigger of a type the gateway does not know still tells.
 */
class PipelinesKeepWhatRealPayloadsCarryTest extends GatewayTest {

    private static final String PIPELINES = """
            {
              repository(workspace: "acme", slug: "api") {
                pipelines(first: 4, order: NEWEST_FIRST) {
                  nodes {
                    buildNumber status runNumber expired firstSuccessful
                    state { name stage result type stageName resultName }
                    stoppedBy { displayName nickname }
                    labels { key value }
                    trigger { kind name type }
                    target {
                      kind type refType refName branch targetBranch pullRequestIds
                      commit { shortHash } selector { type pattern } pullRequest { id }
                    }
                  }
                }
              }
            }""";

    @Test
    void aPipelineTellsItsRunWhoStoppedItWhetherItExpiredAndItsLabels() {
        given("repository-api.json");
        given("pipelines-real-shapes.json");

        graphQl.document(PIPELINES).execute().errors().verify()
                .path("repository.pipelines.nodes[1]").matchesJson("""
                        {"buildNumber": 109, "status": "STOPPED", "runNumber": 2, "expired": false,
                         "firstSuccessful": false, "stoppedBy": {"displayName": "Ada Lovelace", "nickname": "ada"},
                         "labels": [{"key": "pipelines.rerun", "value": "failed-steps"}],
                         "trigger": {"kind": "MANUAL", "name": "MANUAL", "type": "pipeline_trigger_manual"}}
                        """)
                .path("repository.pipelines.nodes[2]").matchesJson("""
                        {"buildNumber": 108, "status": "EXPIRED", "expired": true, "stoppedBy": null, "labels": [],
                         "state": {"stage": null, "result": "EXPIRED", "stageName": null, "resultName": "EXPIRED"}}
                        """)
                .path("repository.pipelines.nodes[0]").matchesJson("""
                        {"buildNumber": 110, "runNumber": 1, "firstSuccessful": true, "labels": []}
                        """);
    }

    @Test
    void aMergeQueueTargetTellsItsBranchTheBranchItMergesIntoAndItsPullRequests() {
        given("repository-api.json");
        given("pipelines-real-shapes.json");

        graphQl.document(PIPELINES).execute().errors().verify()
                .path("repository.pipelines.nodes[0].target").matchesJsonStrictly("""
                        {"kind": "MERGE_QUEUE", "type": "pipeline_merge_queue_ref_target", "refType": "BRANCH",
                         "refName": "bitbucket-merge-queue-62", "branch": "bitbucket-merge-queue-62",
                         "targetBranch": "main", "pullRequestIds": ["62", "63"],
                         "commit": {"shortHash": "abcdef123456"},
                         "selector": {"type": "merge-queues", "pattern": "mergequeue-main"}, "pullRequest": null}
                        """);
    }

    @Test
    void aTargetATriggerAndAStageOfTypesTheGatewayDoesNotKnowKeepWhatIsReadable() {
        given("repository-api.json");
        // The same payload, as Bitbucket might send it once it has a target, a trigger and a stage this gateway
        // predates.
        bitbucket.stubFor(Payloads.stub("pipelines-real-shapes.json").willReturn(okJson(
                Payloads.text("pipelines-real-shapes.json")
                        .replace("pipeline_merge_queue_ref_target", "pipeline_release_train_target")
                        .replaceFirst("\"pipeline_state_in_progress_halted\",\\s*\"name\": \"HALTED\"",
                                "\"pipeline_state_in_progress_waiting_for_runner\", \"name\": \"WAITING_FOR_RUNNER\"")
                        .replaceFirst("\"pipeline_trigger_push\",\\s*\"name\": \"PUSH\"",
                                "\"pipeline_trigger_release_train\""))));

        graphQl.document(PIPELINES).execute().errors().verify()
                .path("repository.pipelines.nodes[0].target").matchesJsonStrictly("""
                        {"kind": "UNKNOWN", "type": "pipeline_release_train_target", "refType": "BRANCH",
                         "refName": "bitbucket-merge-queue-62", "branch": "bitbucket-merge-queue-62",
                         "targetBranch": "main", "pullRequestIds": ["62", "63"],
                         "commit": {"shortHash": "abcdef123456"},
                         "selector": {"type": "merge-queues", "pattern": "mergequeue-main"}, "pullRequest": null}
                        """)
                .path("repository.pipelines.nodes[0].trigger").matchesJsonStrictly("""
                        {"kind": "UNKNOWN", "name": "RELEASE_TRAIN", "type": "pipeline_trigger_release_train"}
                        """)
                .path("repository.pipelines.nodes[3].status").entity(String.class).isEqualTo("UNKNOWN")
                .path("repository.pipelines.nodes[3].state").matchesJsonStrictly("""
                        {"name": "IN_PROGRESS", "stage": "UNKNOWN", "result": null,
                         "type": "pipeline_state_in_progress", "stageName": "WAITING_FOR_RUNNER", "resultName": null}
                        """);
    }
}

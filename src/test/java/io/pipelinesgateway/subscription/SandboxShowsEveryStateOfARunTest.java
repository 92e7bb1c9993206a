package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.watch.Watchers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox as a newcomer starts it (its profile's own settings, real time), with a GraphiQL tab already following
 * a running build of {@code acme/web-app} (its status, its steps and a step's log, as the build-status-live and
 * log-follow examples do): a second subscriber, to the whole workspace, which watches every repository of it, still
 * sees a new run PENDING, then RUNNING, then finished, each promptly: the end within a few seconds of when the
 * sandbox completed the run. With the default watcher budget the tab's subscriptions spent it, and the second
 * subscriber saw PENDING, nothing for half a minute, then SUCCESSFUL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.data.redis.url=")
@ActiveProfiles("sandbox")
class SandboxShowsEveryStateOfARunTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** The build the seeded sandbox runs on {@code acme/web-app} at start (its first step for a minute). */
    private static final String RUNNING_BUILD = "workspace: \"acme\", repository: \"web-app\", buildNumber: 8";
    /** That build's first step, the one examples/log-follow.graphql follows. */
    private static final String RUNNING_STEP_UUID = "{9c14d156-1e79-3e10-95cb-3a590934892f}";

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Test
    void aWorkspaceSubscriberJoiningAfterAGraphiqlTabSeesARunPendingThenRunningThenFinished() {
        String url = "http://localhost:" + port;
        try (Recorder<JsonNode> tabStatus = subscribe(url, """
                subscription {
                  pipelineStatusChanged(workspace: "acme", repository: "web-app", branch: "main") { status }
                }""", "pipelineStatusChanged");
                Recorder<JsonNode> tabSteps = subscribe(url, """
                        subscription { stepStatusChanged(pipeline: {%s}) { status } }""".formatted(RUNNING_BUILD),
                        "stepStatusChanged");
                Recorder<JsonNode> tabLog = subscribe(url, """
                        subscription { stepLogAppended(step: {%s, uuid: "%s"}) { endOffset } }"""
                        .formatted(RUNNING_BUILD, RUNNING_STEP_UUID), "stepLogAppended")) {
            tabSteps.awaitItem(step -> true, WAIT);
            tabLog.awaitItem(chunk -> true, WAIT);
            Recorder<JsonNode> events = subscribe(url, """
                    subscription {
                      pipelineStatusChanged(workspace: "acme") { status observedAt pipeline { uuid completedOn } }
                    }""", "pipelineStatusChanged");
            try (events) {
                await().atMost(WAIT).until(() -> watchers.pollsHere(new RepositoryKey("acme", "infra")) >= 1);
                String uuid = new GatewayClient(url).run("acme/infra", "main").uuid();

                // A timeout names the statuses seen by then.
                await().atMost(WAIT).until(() -> PipelineStatusEvents.statuses(events, uuid),
                        statuses -> statuses.contains("SUCCESSFUL"));

                assertThat(PipelineStatusEvents.statuses(events, uuid)).containsExactly("PENDING", "RUNNING",
                        "SUCCESSFUL");
                JsonNode end = PipelineStatusEvents.ofRun(events, uuid).get(2);
                Duration late = Duration.between(
                        OffsetDateTime.parse(end.path("pipeline").path("completedOn").asString()),
                        OffsetDateTime.parse(end.path("observedAt").asString()));
                assertThat(late).isLessThan(PROMPTLY);
            }
            assertThat(tabStatus.error()).as("the tab's own subscription goes on").isNull();
        }
    }

    private static Recorder<JsonNode> subscribe(String url, String document, String field) {
        return Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url, null, document, field));
    }
}

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
 * The sandbox as a newcomer starts it (its profile's own settings, real time): a subscriber to a whole workspace,
 * which watches every repository of it, sees a new run PENDING, then RUNNING, then finished, each promptly: the
 * end within a few seconds of when the sandbox completed the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.data.redis.url=")
@ActiveProfiles("sandbox")
class SandboxShowsEveryStateOfARunTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Test
    void aWorkspaceSubscriberSeesARunPendingThenRunningThenFinished() {
        String url = "http://localhost:" + port;
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url, null, """
                subscription {
                  pipelineStatusChanged(workspace: "acme") { status observedAt pipeline { uuid completedOn } }
                }""",
                "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> watchers.pollsHere(new RepositoryKey("acme", "infra")) >= 1);
            String uuid = new GatewayClient(url).run("acme/infra", "main").uuid();

            await().atMost(WAIT).until(() -> PipelineStatusEvents.statuses(events, uuid).size() >= 3);

            assertThat(PipelineStatusEvents.statuses(events, uuid)).containsExactly("PENDING", "RUNNING",
                    "SUCCESSFUL");
            JsonNode end = PipelineStatusEvents.ofRun(events, uuid).get(2);
            Duration late = Duration.between(OffsetDateTime.parse(end.path("pipeline").path("completedOn").asString()),
                    OffsetDateTime.parse(end.path("observedAt").asString()));
            assertThat(late).isLessThan(PROMPTLY);
        }
    }
}

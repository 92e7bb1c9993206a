package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many subscribers to one repository cost one watcher: each poll reads the repository's pipelines once, however many
 * subscriptions (here six, over both transports) want them; and when the last one leaves, polling stops.
 */
@LiveSandboxTest
class OneWatcherForManySubscribersTest {

    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "api");
    private static final String SUBSCRIPTION = """
            subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""";

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void sixSubscribersAreServedByOnePollAtATimeAndNoneOnceTheyLeave() throws InterruptedException {
        List<Recorder<JsonNode>> subscribers = new ArrayList<>();
        for (int subscriber = 0; subscriber < 6; subscriber++) {
            Subscriptions transport = subscriber % 2 == 0 ? Subscriptions.WEB_SOCKET : Subscriptions.SERVER_SENT_EVENTS;
            subscribers.add(Recorder.record(transport.subscribe("http://127.0.0.1:" + port,
                    "Bearer reader-" + subscriber, SUBSCRIPTION, "pipelineStatusChanged")));
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> registrations() == 6);
            long pollsBefore = watchers.pollsHere(REPOSITORY);
            double readsBefore = pipelineListReads();

            Thread.sleep(1500);

            long polls = watchers.pollsHere(REPOSITORY) - pollsBefore;
            double reads = pipelineListReads() - readsBefore;
            assertThat(polls).isPositive();
            assertThat(reads).as("one read of the pipelines per poll, not one per subscriber")
                    .isBetween((double) polls - 1, (double) polls + 1);
        }
        finally {
            subscribers.forEach(Recorder::close);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !watchers.hasSubscribers(REPOSITORY));
        double readsAfterLeaving = pipelineListReads();
        Thread.sleep(1000);
        assertThat(pipelineListReads()).as("no subscriber, no polling").isEqualTo(readsAfterLeaving);
    }

    private double registrations() {
        return meterRegistry.get("gateway.watch.subscriptions").gauge().value();
    }

    private double pipelineListReads() {
        return meterRegistry.find("gateway.upstream.requests").tag("resource", "pipelines").tag("method", "GET")
                .counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}

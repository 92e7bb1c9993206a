package io.pipelinesgateway.support;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads what a test recorded of {@code pipelineStatusChanged} run by run: the tests that follow a run share it. The
 * events must select at least {@code status pipeline { uuid }}.
 */
public final class PipelineStatusEvents {

    private PipelineStatusEvents() {
    }

    /** Waits for the event that tells the run {@code uuid} has {@code status}. */
    public static JsonNode awaitStatus(Recorder<JsonNode> events, String uuid, String status, Duration timeout) {
        return events.awaitItem(event -> event.path("pipeline").path("uuid").asString().equals(uuid)
                && event.path("status").asString().equals(status), timeout);
    }

    /** The events of the run {@code uuid} so far, in order. */
    public static List<JsonNode> ofRun(Recorder<JsonNode> events, String uuid) {
        return events.items().stream()
                .filter(event -> event.path("pipeline").path("uuid").asString().equals(uuid)).toList();
    }

    /** The statuses told of the run {@code uuid} so far, in order. */
    public static List<String> statuses(Recorder<JsonNode> events, String uuid) {
        return ofRun(events, uuid).stream().map(event -> event.path("status").asString()).toList();
    }
}

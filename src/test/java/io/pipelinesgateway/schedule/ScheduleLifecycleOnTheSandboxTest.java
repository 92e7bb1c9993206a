package io.pipelinesgateway.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox: a schedule is created, disabled and deleted, and the next query shows each
 * change.
 */
class ScheduleLifecycleOnTheSandboxTest extends SandboxFlowSupport {

    private static final String SCHEDULES = """
            { repository(workspace: "acme", slug: "web-app") {
                schedules { nodes { id enabled cronPattern target { refName selector { type pattern } } } } } }""";

    @Test
    void aScheduleIsCreatedDisabledAndDeletedAndEachChangeShowsInTheNextQuery() {
        List<Map<String, Object>> before = schedules();

        String id = ok("""
                        mutation Create($input: CreateScheduleInput!) {
                          createSchedule(input: $input) { schedule { id } userErrors { field message } }
                        }""", "input", Map.of("workspace", "acme", "repository", "web-app",
                        "cronPattern", "0 30 2 ? * MON-FRI *",
                        "target", Map.of("branch", "main", "selector", Map.of("type", "BRANCHES", "pattern", "main"))))
                .path("createSchedule.schedule.id").entity(String.class).get();
        assertThat(before).noneMatch(schedule -> id.equals(schedule.get("id")));
        assertThat(find(id)).hasValueSatisfying(schedule -> assertThat(schedule)
                .containsEntry("enabled", true).containsEntry("cronPattern", "0 30 2 ? * MON-FRI *"));

        ok("""
                mutation Disable($id: ID!) {
                  updateSchedule(input: {id: $id, enabled: false}) { schedule { enabled } userErrors { message } }
                }""", "id", id);
        assertThat(find(id)).hasValueSatisfying(schedule -> assertThat(schedule).containsEntry("enabled", false));

        ok("""
                mutation Delete($id: ID!) { deleteSchedule(input: {id: $id}) { deleted userErrors { message } } }""",
                "id", id);
        assertThat(find(id)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> schedules() {
        return (List<Map<String, Object>>) (List<?>) ok(SCHEDULES).path("repository.schedules.nodes")
                .entityList(Map.class).get();
    }

    private Optional<Map<String, Object>> find(String id) {
        return schedules().stream().filter(schedule -> id.equals(schedule.get("id"))).findFirst();
    }
}

package io.pipelinesgateway.schedule;

import java.util.List;

import io.pipelinesgateway.graphql.UserError;

/** What {@code createSchedule} and {@code updateSchedule} return: the schedule as Bitbucket now has it, or why not. */
record SchedulePayload(PipelineSchedule schedule, List<UserError> userErrors) {

    static SchedulePayload of(PipelineSchedule schedule) {
        return new SchedulePayload(schedule, List.of());
    }

    static SchedulePayload rejected(UserError error) {
        return new SchedulePayload(null, List.of(error));
    }
}

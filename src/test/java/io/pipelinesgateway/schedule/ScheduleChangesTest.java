package io.pipelinesgateway.schedule;

import java.util.Map;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** A schedule is created, enabled or disabled, and deleted with the exact requests of Bitbucket's reference. */
class ScheduleChangesTest extends MutationTestSupport {

    private static final String SCHEDULES = API_ROOT + "/repositories/acme/api/pipelines_config/schedules/";
    private static final String SCHEDULE = SCHEDULES + "%7B9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5%7D";
    private static final String ID = GlobalId.encode("PipelineSchedule", "acme", "api",
            "{9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5}");

    private static final String CREATE = """
            mutation Create($input: CreateScheduleInput!) {
              createSchedule(input: $input) {
                schedule { id uuid enabled cronPattern target { kind refType refName selector { type pattern } } }
                userErrors { field message }
              }
            }""";

    @Test
    void aScheduleIsCreatedForABranchAndADefinition() {
        stub(post(urlEqualTo(SCHEDULES)), 201, "schedule-created.json");

        GraphQlTester.Response response = create("0 0 2 * * ? *");

        response.errors().verify();
        response.path("createSchedule.schedule.id").entity(String.class).isEqualTo(ID);
        response.path("createSchedule.schedule.target.refName").entity(String.class).isEqualTo("main");
        response.path("createSchedule.schedule.target.selector.pattern").entity(String.class).isEqualTo("nightly");
        bitbucket.verify(1, postRequestedFor(urlEqualTo(SCHEDULES)).withRequestBody(equalToJson("""
                {"type": "pipeline_schedule",
                 "target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "main",
                            "selector": {"type": "custom", "pattern": "nightly"}},
                 "enabled": true,
                 "cron_pattern": "0 0 2 * * ? *"}""")));
    }

    @Test
    void anInvalidCronPatternIsRejectedBeforeBitbucket() {
        assertRejectedBeforeBitbucket(create("0 0 2 * * *"), "input", "cronPattern");
    }

    @Test
    void aTargetBitbucketRejectsIsAUserError() {
        stub(post(urlEqualTo(SCHEDULES)), 400, "schedule-rejected.json");

        GraphQlTester.Response response = create("0 0 2 * * ? *");

        assertUserError(response, "createSchedule", "input", "target");
        response.path("createSchedule.schedule").valueIsNull();
    }

    @Test
    void aScheduleIsDisabledWithTheBodyOfThePutRequest() {
        stub(put(urlEqualTo(SCHEDULE)), 200, "schedule-disabled.json");

        GraphQlTester.Response response = graphQl.document("""
                        mutation Update($id: ID!) {
                          updateSchedule(input: {id: $id, enabled: false}) {
                            schedule { id enabled } userErrors { field message }
                          }
                        }""")
                .variable("id", ID)
                .execute();

        response.errors().verify();
        response.path("updateSchedule.schedule.enabled").entity(Boolean.class).isEqualTo(false);
        bitbucket.verify(1, putRequestedFor(urlEqualTo(SCHEDULE)).withRequestBody(equalToJson("""
                {"type": "pipeline_schedule", "enabled": false}""")));
    }

    @Test
    void aScheduleIsDeleted() {
        stubNoContent(delete(urlEqualTo(SCHEDULE)));

        GraphQlTester.Response response = graphQl.document("""
                        mutation Delete($id: ID!) {
                          deleteSchedule(input: {id: $id}) { deleted deletedId userErrors { field message } }
                        }""")
                .variable("id", ID)
                .execute();

        response.errors().verify();
        response.path("deleteSchedule.deleted").entity(Boolean.class).isEqualTo(true);
        response.path("deleteSchedule.deletedId").entity(String.class).isEqualTo(ID);
        bitbucket.verify(1, deleteRequestedFor(urlEqualTo(SCHEDULE)).withRequestBody(absent()));
    }

    private GraphQlTester.Response create(String cronPattern) {
        return graphQl.document(CREATE)
                .variable("input", Map.of("workspace", "acme", "repository", "api", "cronPattern", cronPattern,
                        "target", Map.of("branch", "main", "selector", Map.of("type", "CUSTOM", "pattern", "nightly"))))
                .execute();
    }
}

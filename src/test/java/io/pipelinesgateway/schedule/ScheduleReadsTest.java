package io.pipelinesgateway.schedule;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** A repository's schedules are read with their runs, each run with the pipeline it started or its error. */
class ScheduleReadsTest extends MutationTestSupport {

    @Test
    void schedulesShowTheirRunsAndThePipelinesTheyStarted() {
        given("repository-api.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/schedules/")), 200, "schedules.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/schedules/"
                + "%7B9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5%7D/executions/")), 200, "schedule-executions.json");
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/pipelines/%7B5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a%7D")), 200,
                "pipeline-stopped.json");

        GraphQlTester.Response response = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            schedules { totalCount nodes {
                              id enabled cronPattern createdOn
                              executions { nodes { outcome pipeline { buildNumber status } error { key message } } }
                            } } } }""")
                .execute();

        response.errors().verify();
        response.path("repository.schedules.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("repository.schedules.nodes[0].id").entity(String.class).isEqualTo(GlobalId.encode(
                "PipelineSchedule", "acme", "api", "{9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5}"));
        response.path("repository.schedules.nodes[0].cronPattern").entity(String.class).isEqualTo("0 0 2 * * ? *");
        String executions = "repository.schedules.nodes[0].executions.nodes";
        response.path(executions + "[0].outcome").entity(String.class).isEqualTo("EXECUTED");
        response.path(executions + "[0].pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
        response.path(executions + "[0].pipeline.status").entity(String.class).isEqualTo("STOPPED");
        response.path(executions + "[1].outcome").entity(String.class).isEqualTo("ERRORED");
        response.path(executions + "[1].pipeline").valueIsNull();
        response.path(executions + "[1].error.key").entity(String.class)
                .isEqualTo("result-service.pipeline.yml-not-found");
    }

    @Test
    void aScheduleIsFoundAgainByItsId() {
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/schedules/"
                + "%7B9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5%7D")), 200, "schedule-created.json");
        String id = GlobalId.encode("PipelineSchedule", "acme", "api", "{9c0d1e2f-3a4b-4c5d-8e6f-8091a2b3c4d5}");

        GraphQlTester.Response response = graphQl.document("""
                        query Node($id: ID!) { node(id: $id) { id ... on PipelineSchedule { cronPattern } } }""")
                .variable("id", id)
                .execute();

        response.errors().verify();
        response.path("node.id").entity(String.class).isEqualTo(id);
        response.path("node.cronPattern").entity(String.class).isEqualTo("0 0 2 * * ? *");
    }
}

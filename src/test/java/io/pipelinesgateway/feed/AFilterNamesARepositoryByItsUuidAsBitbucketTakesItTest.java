package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

/**
 * Bitbucket takes a repository's UUID in braces where it takes its slug, and so does the filter of the feed and the
 * insights: a repository named by its UUID selects what its full name selects, named in the answer by its slugs, at
 * no extra call (its workspace's listing gives the UUID).
 */
class AFilterNamesARepositoryByItsUuidAsBitbucketTakesItTest extends GatewayTest {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    private static final String FEED_AND_INSIGHTS = """
            query($filter: PipelineFilter) {
              pipelines(filter: $filter, first: 100) { nodes { id repository { id fullName } } }
              insights(filter: $filter, window: { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" }) {
                pipelinesCovered successful
              }
            }""";

    @BeforeEach
    void twoRepositoriesWithPipelinesOfOneStep() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api")
                .repository("acme", "web-app");
        for (int number = 0; number < 6; number++) {
            generated.step(generated.pipeline("acme", number % 2 == 0 ? "api" : "web-app",
                    START.plusSeconds(3600L * number), "SUCCESSFUL", "main", "c0ffee", 60), "build", "SUCCESSFUL",
                    Map.of());
        }
        generated.stub();
    }

    @Test
    void aRepositoryNamedByItsUuidSelectsWhatItsFullNameSelectsNamedByItsSlugs() {
        Map<String, Object> byFullName = answer("acme/web-app");
        Map<String, Object> byUuid = answer(GeneratedBitbucket.repositoryUuid("web-app"));

        assertThat(byUuid).isEqualTo(byFullName);
        assertThat(byUuid).extracting("pipelines").extracting("nodes").asInstanceOf(LIST)
                .hasSize(3).allSatisfy(pipeline -> assertThat(pipeline).extracting("repository")
                        .extracting("fullName").isEqualTo("acme/web-app"));
        assertThat(byUuid).extracting("insights").isEqualTo(Map.of("pipelinesCovered", 3, "successful", 3));
    }

    /** The feed and the insights of acme's repository {@code named}, which must answer with no error. */
    private Map<String, Object> answer(String named) {
        GraphQlTester.Response response = graphQl.document(FEED_AND_INSIGHTS).variable("filter",
                Map.of("workspaces", List.of("acme"), "repositories", List.of(named))).execute();
        response.errors().verify();
        return Map.of("pipelines", response.path("pipelines").entity(Object.class).get(),
                "insights", response.path("insights").entity(Object.class).get());
    }
}

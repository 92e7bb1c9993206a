package io.pipelinesgateway.bitbucket;

import java.time.Duration;
import java.util.List;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A slug or ID that is {@code .} or {@code ..}, or otherwise breaks Bitbucket's rules for the names in its paths,
 * never becomes a path segment: {@code /2.0/repositories/acme/..} would be read as {@code /2.0/repositories}, with
 * the caller's (or in service mode the workspace's) token. It is BAD_USER_INPUT naming the field, before any call.
 */
class DotSegmentsNeverReachBitbucketTest extends GatewayTest {

    private static final String UUID = "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d}";

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/..", "api?x=1", "api#x", "%2e%2e", " api"})
    void aRepositorySlugOutsideBitbucketsRulesIsRefusedBeforeAnyCall(String slug) {
        assertRefusedBeforeBitbucket(graphQl.document("query($slug: String!) { repository(workspace: \"acme\", "
                + "slug: $slug) { name } }").variable("slug", slug).execute(), "slug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "acme.corp", "acme/..", ""})
    void aWorkspaceSlugOutsideBitbucketsRulesIsRefusedBeforeAnyCall(String slug) {
        assertRefusedBeforeBitbucket(graphQl.document("query($slug: String!) { workspace(slug: $slug) { name } }")
                .variable("slug", slug).execute(), "slug");
    }

    @Test
    void aPipelineInADotRepositoryIsRefusedBeforeAnyCall() {
        assertRefusedBeforeBitbucket(graphQl.document("""
                { pipeline(workspace: "acme", repository: "..", buildNumber: 1) { uuid } }""").execute(),
                "repository");
    }

    @Test
    void aPipelineStatusSubscriptionOfADotRepositoryIsRefusedBeforeAnyCall() {
        Throwable refused = Subscriptions.SERVER_SENT_EVENTS.subscribe("http://localhost:" + port, Fixtures.bearer(),
                        "subscription { pipelineStatusChanged(workspace: \"acme\", repository: \"..\") { status } }",
                        "pipelineStatusChanged")
                .then().timeout(Duration.ofSeconds(10)).materialize().block().getThrowable();

        assertThat(refused).isInstanceOfSatisfying(Subscriptions.Failure.class,
                failure -> assertThat(failure.codes()).containsExactly("BAD_USER_INPUT"));
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aNodeIdWithADotSegmentInsideIsRefusedBeforeAnyCall() {
        String id = GlobalId.encode("Pipeline", "acme", "..", UUID);

        GraphQlTester.Response response = graphQl.document("query($id: ID!) { node(id: $id) { id } }")
                .variable("id", id).execute();

        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(code(errors.get(0))).isEqualTo("BAD_USER_INPUT");
        });
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void everyUpstreamPathRefusesADotOrEmptySegmentWhereverItCameFrom() {
        for (List<String> segments : List.of(List.of("repositories", "acme", ".."), List.of("repositories", "."),
                List.of("repositories", "", "api"), List.of("workspaces", "acme\n"))) {
            assertThatThrownBy(() -> UpstreamRequest.of(UpstreamResource.REPOSITORY, segments.toArray(String[]::new)))
                    .isInstanceOfSatisfying(GatewayException.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
        }
        assertThat(UpstreamRequest.of(UpstreamResource.PIPELINES, "repositories", "acme", "api.v2", "pipelines", "")
                .path())
                .isEqualTo("/repositories/acme/api.v2/pipelines/");
    }

    private void assertRefusedBeforeBitbucket(GraphQlTester.Response response, String field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("field", List.of(field));
        });
        assertThat(upstreamRequests()).isEmpty();
    }
}

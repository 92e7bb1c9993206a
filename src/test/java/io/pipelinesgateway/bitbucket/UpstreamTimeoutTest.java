package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/** An answer slower than {@code gateway.bitbucket.timeout} is not waited for: the caller gets UPSTREAM_TIMEOUT. */
@TestPropertySource(properties = "gateway.bitbucket.timeout=500ms")
class UpstreamTimeoutTest extends GatewayTest {

    @Test
    void givesUpOnASlowAnswerWithUpstreamTimeout() {
        given("pipeline-42.json", response -> response.withFixedDelay(3_000));
        given("repository-api.json");
        warmUp();

        long started = System.nanoTime();
        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { name }
                          pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
                        """.formatted(PIPELINE_42))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_TIMEOUT");
                    assertThat(error.getPath()).isEqualTo("pipeline");
                }))
                .path("pipeline").valueIsNull()
                .path("repository.name").entity(String.class).isEqualTo("api");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).as("waited for the slow answer").isLessThan(2_500);
    }

    /**
     * The first calls of a fresh JVM (class loading, connection set-up) can take longer than this test's short
     * timeout; a few quick calls first leave only the slow answer to meet it.
     */
    private void warmUp() {
        for (int attempt = 0; attempt < 10; attempt++) {
            boolean answered = graphQl.document("{ repository(workspace: \"acme\", slug: \"api\") { name } }")
                    .execute().returnResponse().getErrors().isEmpty();
            if (answered) {
                return;
            }
        }
    }
}

package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.stepsPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identical reads in flight at once share one upstream call (single flight), so a burst of identical queries, such
 * as a wall of dashboards refreshing together, costs one call per resource.
 */
class ConcurrentIdenticalQueriesShareOneCallTest extends CachingGatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber steps { name } } }
            """.formatted(PIPELINE_42);

    @Test
    void fiftyConcurrentIdenticalQueriesMakeOneUpstreamCallPerResource() {
        // Slow answers keep the first call in flight while the other 49 queries arrive.
        given("pipeline-42.json", response -> response.withFixedDelay(500));
        given("steps-pipeline-42.json", response -> response.withFixedDelay(500));
        String credential = freshCredential();

        List<Integer> buildNumbers = Flux.range(0, 50)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> graphQl(credential).document(QUERY)
                                .execute().errors().verify().path("pipeline.buildNumber").entity(Integer.class).get())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 50)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(buildNumbers).hasSize(50).containsOnly(42);
        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(1);
        assertThat(bitbucket.findAll(getOf(stepsPath(PIPELINE_42)))).hasSize(1);
    }
}

package io.pipelinesgateway.bitbucket;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_40;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every upstream call counts in {@code gateway.upstream.requests} with its method, resource and status, scraped as
 * {@code gateway_upstream_requests_total} from {@code /actuator/prometheus}.
 */
class UpstreamRequestMetricsTest extends GatewayTest {

    private static final Pattern SAMPLE = Pattern.compile("^gateway_upstream_requests_total\\{([^}]*)} (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void countsEachUpstreamCallByMethodResourceAndStatus() {
        given("pipeline-42.json");
        given("steps-pipeline-42.json");
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_43))))
                .willReturn(Payloads.response("error-404.json")));
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_40))))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Map<String, Double> before = scrape();

        graphQl.document("""
                        { a: pipeline(workspace: "acme", repository: "api", uuid: "%s") { steps { name } }
                          b: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
                          c: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
                          repository(workspace: "acme", slug: "api") { name } }
                        """.formatted(PIPELINE_42, PIPELINE_43, PIPELINE_40))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).hasSize(2));
        Map<String, Double> after = scrape();

        assertThat(increase(before, after, "GET", "pipeline", "200")).isEqualTo(1);
        assertThat(increase(before, after, "GET", "pipeline", "404")).isEqualTo(1);
        assertThat(increase(before, after, "GET", "pipeline", "IO_ERROR")).isEqualTo(1);
        assertThat(increase(before, after, "GET", "steps", "200")).isEqualTo(1);
        assertThat(increase(before, after, "GET", "repository", "200")).isEqualTo(1);
        double counted = after.values().stream().mapToDouble(Double::doubleValue).sum()
                - before.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(counted).isEqualTo(upstreamRequests().size()).isEqualTo(5);
    }

    @Test
    void countsEachPageOfAListingAsACall() {
        given("repository-api.json");
        given("pipelines-250-page1.json");
        given("pipelines-250-page2.json");
        Map<String, Double> before = scrape();

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { pipelines(first: 100) {
                            pageInfo { endCursor } } } }
                        """)
                .execute().path("repository.pipelines.pageInfo.endCursor").hasValue();
        String after = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") { pipelines(first: 100) { pageInfo { endCursor } } } }
                        """).execute().path("repository.pipelines.pageInfo.endCursor").entity(String.class).get();
        graphQl.document("""
                        query($after: String) { repository(workspace: "acme", slug: "api") {
                          pipelines(first: 60, after: $after) { nodes { buildNumber } } } }
                        """)
                .variable("after", after)
                .execute().path("repository.pipelines.nodes").hasValue();

        // first: 100 reads page 1 twice; 60 after 100 reads page 2; the repository is read three times.
        assertThat(increase(before, scrape(), "GET", "pipelines", "200")).isEqualTo(3);
        assertThat(increase(before, scrape(), "GET", "repository", "200")).isEqualTo(3);
    }

    @Test
    void exposesTheCounterWithItsTagsInPrometheusFormat() {
        given("pipeline-42.json");

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
                        """.formatted(PIPELINE_42))
                .execute().path("pipeline.buildNumber").hasValue();

        assertThat(prometheus()).containsPattern(
                "(?m)^gateway_upstream_requests_total\\{method=\"GET\",resource=\"pipeline\",status=\"200\"[^}]*} \\d+(\\.\\d+)?$");
    }

    @Test
    void timesEachUpstreamCallOnceAsTheGatewaysOwnMetricNotAlsoAsWebClients() {
        given("pipeline-42.json");
        Map<String, Double> before = scrape();
        double observedBefore = webClientObservations();

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
                        """.formatted(PIPELINE_42))
                .execute().path("pipeline.buildNumber").hasValue();

        assertThat(increase(before, scrape(), "GET", "pipeline", "200")).isEqualTo(1);
        assertThat(prometheus()).containsPattern("(?m)^gateway_upstream_latency_seconds_count\\{resource=\"pipeline\"");
        // Other clients of the application (another test's) may have their series; this call adds to none.
        assertThat(webClientObservations()).isEqualTo(observedBefore);
    }

    /** How many calls WebClient's own observation ({@code http.client.requests}) has timed, all clients together. */
    private double webClientObservations() {
        Matcher matcher = Pattern.compile("(?m)^http_client_requests_seconds_count\\{[^}]*} (\\S+)$")
                .matcher(prometheus());
        double count = 0;
        while (matcher.find()) {
            count += Double.parseDouble(matcher.group(1));
        }
        return count;
    }

    /** The counter's samples by their labels, e.g. {@code method=GET,resource=pipeline,status=200}. */
    private Map<String, Double> scrape() {
        Map<String, Double> samples = new LinkedHashMap<>();
        Matcher matcher = SAMPLE.matcher(prometheus());
        while (matcher.find()) {
            samples.put(key(Arrays.stream(matcher.group(1).split(","))
                    .filter(label -> !label.isBlank())
                    .map(label -> label.replace("\"", ""))
                    .sorted()
                    .toList()), Double.parseDouble(matcher.group(2)));
        }
        return samples;
    }

    private static double increase(Map<String, Double> before, Map<String, Double> after, String method,
            String resource, String status) {
        String key = key(List.of("method=" + method, "resource=" + resource, "status=" + status));
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    private static String key(List<String> labels) {
        return String.join(",", labels.stream().sorted().toList());
    }
}

package io.pipelinesgateway.support;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs and stops pipelines through the gateway's own mutations ({@code runPipeline}, {@code stopPipeline}), as a
 * portal does, over {@code POST /graphql}.
 */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient client;

    public GatewayClient(String gatewayUrl) {
        this.client = WebClient.create(gatewayUrl);
    }

    /** The pipeline a run started, as {@code runPipeline} returned it ({@code uuid}, {@code id}). */
    public record Run(String uuid, String id) {
    }

    /** Runs the pipeline of {@code branch} in {@code repository} ("workspace/slug"). */
    public Run run(String repository, String branch) {
        String[] slugs = repository.split("/");
        JsonNode pipeline = execute("""
                mutation Run($workspace: String!, $repository: String!, $branch: String!) {
                  runPipeline(input: {workspace: $workspace, repository: $repository,
                                      target: {ref: {refName: $branch}}}) {
                    pipeline { uuid id }
                    userErrors { field message }
                  }
                }""", Map.of("workspace", slugs[0], "repository", slugs[1], "branch", branch))
                .path("runPipeline").path("pipeline");
        return new Run(pipeline.path("uuid").asString(), pipeline.path("id").asString());
    }

    /** Stops a pipeline by its {@code id}. */
    public void stop(String id) {
        execute("""
                mutation Stop($id: ID!) {
                  stopPipeline(input: {id: $id}) { pipeline { uuid } userErrors { message } }
                }""",
                Map.of("id", id));
    }

    private JsonNode execute(String document, Map<String, Object> variables) {
        String answer = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables))
                .retrieve().bodyToMono(String.class).block(TIMEOUT);
        JsonNode result = JSON.readTree(answer);
        boolean refused = result.has("errors");
        for (JsonNode payload : result.path("data")) {
            refused |= !payload.path("userErrors").isEmpty();
        }
        if (refused) {
            throw new AssertionError("The gateway refused: " + answer);
        }
        return result.path("data");
    }
}

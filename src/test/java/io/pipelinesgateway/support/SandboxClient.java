package io.pipelinesgateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Drives the sandbox's REST API directly, as Bitbucket would be driven by someone else: runs and stops pipelines,
 * reads steps and logs, so tests can compare what subscriptions delivered with what the sandbox holds.
 */
public final class SandboxClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient client;

    /** A client of the sandbox served by the gateway at {@code gatewayUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public SandboxClient(String gatewayUrl) {
        // Redirects followed: a completed step's log is read from where the sandbox keeps it, as from Bitbucket.
        this.client = WebClient.builder().baseUrl(gatewayUrl + "/sandbox/2.0")
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true))).build();
    }

    /** Runs the pipeline of {@code branch} in {@code repository} ("workspace/slug"); returns its UUID. */
    public String run(String repository, String branch) {
        String body = """
                {"target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "%s"}}"""
                .formatted(branch);
        String created = client.post().uri("/repositories/" + repository + "/pipelines/")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().bodyToMono(String.class).block(TIMEOUT);
        return JSON.readTree(created).path("uuid").asString();
    }

    /** Stops a pipeline. */
    public void stop(String repository, String pipelineUuid) {
        client.post().uri("/repositories/" + repository + "/pipelines/{pipeline}/stopPipeline", pipelineUuid)
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    /** The pipeline's state as Bitbucket reports it. */
    public JsonNode pipeline(String repository, String pipelineUuid) {
        return JSON.readTree(client.get().uri("/repositories/" + repository + "/pipelines/{pipeline}", pipelineUuid)
                .retrieve().bodyToMono(String.class).block(TIMEOUT));
    }

    /** The UUIDs of a pipeline's steps, in order. */
    public List<String> steps(String repository, String pipelineUuid) {
        JsonNode page = JSON.readTree(client.get()
                .uri("/repositories/" + repository + "/pipelines/{pipeline}/steps/", pipelineUuid)
                .retrieve().bodyToMono(String.class).block(TIMEOUT));
        List<String> uuids = new ArrayList<>();
        page.path("values").forEach(step -> uuids.add(step.path("uuid").asString()));
        return uuids;
    }

    /** A step's whole log as it is now. */
    public String log(String repository, String pipelineUuid, String stepUuid) {
        byte[] bytes = client.get()
                .uri("/repositories/" + repository + "/pipelines/{pipeline}/steps/{step}/log", pipelineUuid,
                        stepUuid)
                .accept(MediaType.TEXT_PLAIN)
                .retrieve().bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).block(TIMEOUT);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

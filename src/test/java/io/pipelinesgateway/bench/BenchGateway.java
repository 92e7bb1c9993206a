package io.pipelinesgateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.PipelinesGatewayApplication;
import io.pipelinesgateway.support.OwnNettyResources;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One gateway of the benchmark on its sandbox with 50 ms of upstream latency, in its own application context with a
 * fresh cache, and an HTTP client with enough connections for the bench's concurrency. The per-client rate limits
 * are off: they are not what the bench measures, and its few credentials send far more than a person would; one
 * request may make {@link #MAX_UPSTREAM_CALLS} upstream calls, as many as a cold bench dashboard needs.
 */
final class BenchGateway implements AutoCloseable {

    static final long LATENCY_MS = 50;
    static final int MAX_UPSTREAM_CALLS = 5000;
    private static final int CONNECTIONS = 64;

    private final ConfigurableApplicationContext context;
    private final ConnectionProvider connections;
    /**
     * The client's own event loops, as each gateway has its own ({@link OwnNettyResources}): a gateway started while
     * this one runs (the running gateway's rows) closes before it, and nothing of one may outlive the other's close.
     */
    private final LoopResources loops = LoopResources.create("bench-client", 2, true);
    private final WebClient http;
    private final String base;
    private final JsonMapper json = JsonMapper.builder().build();

    private BenchGateway(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        this.connections = ConnectionProvider.builder("bench").maxConnections(CONNECTIONS)
                .pendingAcquireMaxCount(-1).build();
        this.http = WebClient.builder().baseUrl(base)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).runOn(loops)))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    /**
     * Starts a gateway with the sandbox profile and {@code arguments} besides the bench's own. Arguments, not default
     * properties: those would lose to application-sandbox.yml's latency of 0.
     */
    static BenchGateway start(String... arguments) {
        List<String> all = arguments(arguments);
        checkSettings(all);
        return new BenchGateway(new SpringApplicationBuilder(PipelinesGatewayApplication.class, SandboxCharges.class,
                OwnNettyResources.class).profiles("sandbox").run(all.toArray(String[]::new)));
    }

    /** The bench's own arguments, then {@code arguments}. */
    static List<String> arguments(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--gateway.sandbox.latency-ms=" + LATENCY_MS,
                "--gateway.rate-limit.enabled=false", "--gateway.rate-limit.upstream-calls-per-minute=0",
                // A cold bench dashboard takes more calls than the default budget of one request.
                "--gateway.graphql.max-upstream-calls=" + MAX_UPSTREAM_CALLS,
                // Its own keys when REDIS_URL points at a shared Redis, so every gateway starts cold.
                "--gateway.redis.key-prefix=bench:" + System.nanoTime() + ":", "--logging.level.root=WARN"));
        all.addAll(List.of(arguments));
        return all;
    }

    /**
     * Refuses an argument naming a {@code gateway.*} setting that no properties record of the gateway or its sandbox
     * has (as Spring Boot's configuration metadata lists them): Spring would ignore it, and the bench would measure
     * something other than what it says. An indexed setting ({@code gateway.workspaces[0].slug}) is checked by its
     * list's name.
     */
    static void checkSettings(List<String> arguments) {
        Set<String> known = new HashSet<>();
        try {
            Enumeration<URL> metadata = BenchGateway.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            JsonMapper json = JsonMapper.builder().build();
            while (metadata.hasMoreElements()) {
                try (InputStream in = metadata.nextElement().openStream()) {
                    json.readTree(in).path("properties").forEach(property -> known.add(property.path("name")
                            .asString()));
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        for (String argument : arguments) {
            if (!argument.startsWith("--gateway.")) {
                continue;
            }
            String name = argument.substring(2, argument.contains("=") ? argument.indexOf('=') : argument.length());
            String setting = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            if (!known.contains(setting)) {
                throw new IllegalArgumentException("The bench sets " + name + ", a setting the gateway does not "
                        + "have: it would be ignored");
            }
        }
    }

    WebClient http() {
        return http;
    }

    String base() {
        return base;
    }

    JsonMapper json() {
        return json;
    }

    UpstreamCalls upstream() {
        return UpstreamCalls.read(context.getBean(MeterRegistry.class));
    }

    SandboxCharges charges() {
        return context.getBean(SandboxCharges.class);
    }

    /** Sends {@code query} as {@code viewer}; an answer with errors fails the benchmark. */
    Mono<JsonNode> query(Viewer viewer, String query) {
        return http.post().uri("/graphql")
                .header(viewer.header(), viewer.value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .retrieve()
                .bodyToMono(byte[].class)
                .map(body -> {
                    JsonNode response = json.readTree(body);
                    if (response.has("errors")) {
                        String errors = response.get("errors").toString();
                        throw new IllegalStateException("The query failed: "
                                + errors.substring(0, Math.min(errors.length(), 600)));
                    }
                    return response.get("data");
                });
    }

    /**
     * Starts a pipeline on {@code repository}'s ({@code workspace/slug}) main branch through the sandbox's API, as
     * {@code authorization}; fails unless the sandbox created it.
     */
    Mono<Void> startPipeline(String repository, String authorization) {
        return http.post().uri("/sandbox/2.0/repositories/" + repository + "/pipelines")
                .header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("target", Map.of("type", "pipeline_ref_target", "ref_type", "branch",
                        "ref_name", "main")))
                .retrieve()
                .toBodilessEntity()
                .then();
    }

    JsonNode await(Viewer viewer, String query) {
        return query(viewer, query).block();
    }

    @Override
    public void close() {
        connections.dispose();
        loops.dispose();
        context.close();
    }

    /** Who asks: a Bitbucket credential (pass-through) or an API key of the gateway (service mode). */
    record Viewer(String header, String value) {

        static Viewer bearer(String token) {
            return new Viewer("Authorization", "Bearer " + token);
        }

        static Viewer apiKey(String key) {
            return new Viewer("X-API-Key", key);
        }
    }
}

package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends the webhook deliveries Bitbucket would when the sandbox's pipelines change: Pipelines sets a commit status
 * per run, so Bitbucket delivers {@code repo:commit_status_created} for a new run and
 * {@code repo:commit_status_updated} as it goes on, signed with the webhook's secret. They go to this server's own
 * {@code POST /webhooks/bitbucket} over real HTTP, so the demo, the tests and the benchmark exercise the gateway's
 * webhook path end to end.
 * <p>
 * Pipelines progress by the clock ({@link Timeline}), so changes are looked for about every second, and at once
 * when a run is started or stopped. Only with {@code gateway.sandbox.send-webhooks} and a
 * {@code gateway.webhooks.secret} (read as a plain property: the sandbox uses no part of the gateway). A delivery
 * that fails is dropped, told once at WARN until one succeeds again, and never stops the sandbox.
 */
@Component
@Profile("sandbox")
class SandboxWebhooks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    /** Which of Bitbucket's two commit status events a delivery is. */
    enum Event {
        CREATED("repo:commit_status_created"), UPDATED("repo:commit_status_updated");

        private final String key;

        Event(String key) {
            this.key = key;
        }
    }

    /** A change to deliver: the event and the run as it is now. */
    private record Delivery(Event event, PipelineSnapshot snapshot) {
    }

    private final SandboxStore store;
    private final JsonMapper json;
    private final String secret;
    private final boolean enabled;
    /** The webhook's own id, the same in each of its deliveries as on Bitbucket. */
    private final String hook = UUID.randomUUID().toString();
    private final WebClient client = WebClient.create();
    /** The state each run was last told in; guarded by {@code this}. */
    private final Map<String, SandboxPipelineStatus> told = new HashMap<>();
    private final Sinks.Many<Delivery> outbox = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Disposable.Composite running = Disposables.composite();
    private volatile Representations representations;

    SandboxWebhooks(SandboxStore store, SandboxProperties properties, JsonMapper json, Environment environment) {
        this.store = store;
        this.json = json;
        this.secret = environment.getProperty("gateway.webhooks.secret", "");
        this.enabled = properties.sendWebhooks() && !secret.isEmpty();
        // What the seed holds at start is history, not news.
        remember();
    }

    private synchronized void remember() {
        Instant now = store.now();
        store.allPipelines().forEach(pipeline -> told.put(pipeline.uuid(), Timeline.at(pipeline, now).status()));
    }

    /** Starts once this server listens: deliveries go to its own port. */
    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (!enabled || event.getApplicationContext().getServerNamespace() != null || representations != null) {
            return;
        }
        String origin = "http://127.0.0.1:" + event.getWebServer().getPort();
        representations = new Representations(origin + "/sandbox/2.0", origin + "/sandbox/web");
        running.add(outbox.asFlux().concatMap(delivery -> send(origin, delivery)).subscribe());
        running.add(Flux.interval(TICK, TICK).subscribe(tick -> look()));
        log.info("The sandbox sends signed commit status deliveries to {}/webhooks/bitbucket", origin);
    }

    /** Compares each run with the state it was last told in, and queues a delivery for each that changed. */
    synchronized void look() {
        if (representations == null) {
            return;
        }
        Instant now = store.now();
        for (SandboxPipeline pipeline : store.allPipelines()) {
            SandboxPipelineStatus before = told.get(pipeline.uuid());
            if (before != null && before.completed()) {
                continue;
            }
            PipelineSnapshot snapshot = Timeline.at(pipeline, now);
            if (snapshot.status() != before) {
                told.put(pipeline.uuid(), snapshot.status());
                outbox.tryEmitNext(new Delivery(before == null ? Event.CREATED : Event.UPDATED, snapshot));
            }
        }
    }

    private Mono<Void> send(String origin, Delivery delivery) {
        return Mono.fromCallable(() -> json.writeValueAsBytes(representations.commitStatusEvent(delivery.snapshot())))
                .flatMap(body -> client.post().uri(origin + "/webhooks/bitbucket")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("User-Agent", "Bitbucket-Webhooks/2.0")
                        .header("X-Event-Key", delivery.event().key)
                        .header("X-Hook-UUID", hook)
                        .header("X-Request-UUID", UUID.randomUUID().toString())
                        .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(sign(body)))
                        .bodyValue(body)
                        .retrieve()
                        .toBodilessEntity()
                        .timeout(DELIVERY_TIMEOUT))
                .doOnSuccess(answered -> {
                    if (failing.compareAndSet(true, false)) {
                        log.info("The sandbox's webhook deliveries are accepted again");
                    }
                })
                .onErrorResume(error -> {
                    if (failing.compareAndSet(false, true)) {
                        log.warn("The sandbox could not deliver a commit status webhook (told once until one "
                                + "succeeds): {}", error.toString());
                    }
                    else {
                        log.debug("The sandbox could not deliver a commit status webhook: {}", error.toString());
                    }
                    return Mono.empty();
                })
                .then();
    }

    /** The HMAC-SHA256 of the exact body with the webhook's secret, as Bitbucket signs a delivery. */
    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    @Override
    public void destroy() {
        running.dispose();
    }
}

package io.pipelinesgateway.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.watch.Watchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/bitbucket}: Bitbucket reports Pipelines through commit statuses
 * ({@code repo:commit_status_created}, {@code repo:commit_status_updated}), so such a delivery means a pipeline of
 * that repository started or finished. A verified one makes the repository's watcher poll at once (on whichever
 * replica it runs) and drops the repository's pipelines listing from the cache, for every credential, so queries see
 * the change too; what has completed (pipelines, their steps, logs and test reports) stays cached, as it never
 * changes. The repository then counts as covered by webhooks ({@link RepositoriesWithWebhooks}), its listing cached
 * longer.
 * <p>
 * Only deliveries signed with {@code gateway.webhooks.secret} are acted on; anything else gets 401 and changes
 * nothing. Without a secret configured, every delivery gets 403. A signed delivery without an {@code X-Request-UUID},
 * or whose {@code repository.full_name} is no workspace and repository slug, gets 400; one received already within
 * {@code gateway.webhooks.replay-window} ({@link SeenDeliveries}) gets 409.
 */
@RestController
class BitbucketWebhookController {

    private static final Logger log = LoggerFactory.getLogger(BitbucketWebhookController.class);
    private static final Set<String> COMMIT_STATUS_EVENTS = Set.of("repo:commit_status_created",
            "repo:commit_status_updated");

    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern DELIVERY_UUID = Pattern.compile("\\{?[0-9a-fA-F-]{32,36}}?");

    private final WebhookProperties properties;
    private final Watchers watchers;
    private final PipelineEndpoints bitbucket;
    private final JsonMapper json;
    private final SeenDeliveries seen;
    private final RepositoriesWithWebhooks covered;

    BitbucketWebhookController(WebhookProperties properties, Watchers watchers, PipelineEndpoints bitbucket,
            JsonMapper json, SeenDeliveries seen, RepositoriesWithWebhooks covered) {
        this.properties = properties;
        this.watchers = watchers;
        this.bitbucket = bitbucket;
        this.json = json;
        this.seen = seen;
        this.covered = covered;
    }

    /**
     * Reads the raw body whatever its content type (the signature is over its exact bytes, and a refusal must not
     * depend on how the sender labelled it), up to {@value #MAX_BODY_BYTES} bytes.
     */
    @PostMapping("/webhooks/bitbucket")
    Mono<ResponseEntity<Map<String, String>>> receive(ServerHttpRequest request) {
        if (properties.secret().isEmpty()) {
            return answer(HttpStatus.FORBIDDEN, "refused", "Webhooks are switched off: this gateway has no "
                    + "gateway.webhooks.secret, so it cannot tell Bitbucket's deliveries from anyone else's. Set "
                    + "the secret here and on the Bitbucket webhook.");
        }
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> receive(request.getHeaders().getFirst("X-Event-Key"),
                        request.getHeaders().getFirst("X-Hub-Signature"), delivery(request), body))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> answer(HttpStatus.CONTENT_TOO_LARGE,
                        "refused", "The delivery is larger than " + MAX_BODY_BYTES + " bytes; commit status "
                                + "deliveries are a few kilobytes."));
    }

    /**
     * Which delivery a request is, by {@code X-Hook-UUID} and {@code X-Request-UUID}; null when they are missing or
     * not UUIDs.
     */
    private static String delivery(ServerHttpRequest request) {
        String hook = request.getHeaders().getFirst("X-Hook-UUID");
        String requestUuid = request.getHeaders().getFirst("X-Request-UUID");
        if (requestUuid == null || !DELIVERY_UUID.matcher(requestUuid).matches()
                || hook != null && !DELIVERY_UUID.matcher(hook).matches()) {
            return null;
        }
        return (hook == null ? "" : hook.toLowerCase(Locale.ROOT)) + ":" + requestUuid.toLowerCase(Locale.ROOT);
    }

    private Mono<ResponseEntity<Map<String, String>>> receive(String eventKey, String signature, String delivery,
            byte[] raw) {
        if (!WebhookSignature.valid(properties.secret(), raw, signature)) {
            return answer(HttpStatus.UNAUTHORIZED, "refused", signature == null
                    ? "The delivery has no X-Hub-Signature header: give the Bitbucket webhook the same secret as "
                            + "gateway.webhooks.secret."
                    : "X-Hub-Signature does not match the body: the webhook's secret differs from "
                            + "gateway.webhooks.secret, or the body was changed on the way.");
        }
        if (eventKey == null || !COMMIT_STATUS_EVENTS.contains(eventKey.trim())) {
            return answer(HttpStatus.ACCEPTED, "ignored", "Only repo:commit_status_created and "
                    + "repo:commit_status_updated deliveries concern pipelines; this one was '" + eventKey + "'.");
        }
        if (delivery == null) {
            return answer(HttpStatus.BAD_REQUEST, "refused", "The delivery has no X-Request-UUID (a UUID), which "
                    + "Bitbucket sends with each one: without it a replayed delivery cannot be told apart.");
        }
        RepositoryKey repository = repositoryOf(raw);
        if (repository == null) {
            return answer(HttpStatus.BAD_REQUEST, "refused", "The delivery names no repository Bitbucket could have: "
                    + "the body needs repository.full_name, a workspace slug and a repository slug (letters, digits, "
                    + "'-', '_' and '.', not '.' or '..' alone) joined by '/'.");
        }
        return seen.firstTime(delivery).flatMap(first -> first ? act(eventKey, repository)
                : answer(HttpStatus.CONFLICT, "refused", "This delivery (X-Request-UUID) was received already "
                        + "within gateway.webhooks.replay-window; a replayed delivery changes nothing."));
    }

    private Mono<ResponseEntity<Map<String, String>>> act(String eventKey, RepositoryKey repository) {
        return covered.delivered(repository)
                .then(bitbucket.forgetListing(repository.workspace(), repository.slug()))
                .then(watchers.refresh(repository, eventKey.trim()))
                .doOnSuccess(done -> log.debug("Webhook {} for {}: refreshing", eventKey, repository))
                .then(answer(HttpStatus.ACCEPTED, "accepted", "The watcher of " + repository.workspace() + "/"
                        + repository.slug() + " looks at it now."));
    }

    private RepositoryKey repositoryOf(byte[] body) {
        try {
            String fullName = json.readTree(body).path("repository").path("full_name").asString("");
            int slash = fullName.indexOf('/');
            if (slash <= 0 || slash == fullName.length() - 1) {
                return null;
            }
            return RepositoryKey.checked(fullName.substring(0, slash), "repository.full_name",
                    fullName.substring(slash + 1), "repository.full_name");
        }
        catch (RuntimeException unreadableOrInvalid) {
            return null;
        }
    }

    private static Mono<ResponseEntity<Map<String, String>>> answer(HttpStatus status, String outcome,
            String message) {
        return Mono.just(ResponseEntity.status(status).body(Map.of("status", outcome, "message", message)));
    }
}

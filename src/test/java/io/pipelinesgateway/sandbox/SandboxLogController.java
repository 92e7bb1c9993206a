package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import io.pipelinesgateway.sandbox.Timeline.StepSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step logs as Bitbucket serves them: {@code text/plain} only (a client accepting only JSON gets 406), HTTP Range
 * ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}; 206 with {@code Content-Range}, 416 past the end), and
 * ETags ({@code If-None-Match} gives 304). A running step's log grows as time passes; a step that has not started has
 * no log yet (404). A completed step's log has moved to long-term storage: its read answers 307 to a pre-signed
 * address there ({@link SandboxLogStorage}).
 *
 * <p>{@code .../logs/{log_uuid}} serves the build container's log when {@code log_uuid} is the step's uuid, and a
 * service container's log for the uuids listed in the step's {@code service_containers} (the sandbox's convention:
 * the real API does not document how to discover them).
 */
@RestController
@Profile("sandbox")
@RequestMapping(SandboxWebFilter.PREFIX + "/repositories/{workspace}/{repoSlug}/pipelines/{pipeline}/steps/{step}")
class SandboxLogController {

    private static final Pattern RANGE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SandboxStore store;
    private final SandboxLogStorage storage;

    SandboxLogController(SandboxStore store, SandboxLogStorage storage) {
        this.store = store;
        this.storage = storage;
    }

    @GetMapping("/log")
    ResponseEntity<?> log(ServerHttpRequest request, @PathVariable String workspace, @PathVariable String repoSlug,
            @PathVariable String pipeline, @PathVariable String step) {
        return logOf(request, workspace, repoSlug, pipeline, step, "");
    }

    @GetMapping("/logs/{log}")
    ResponseEntity<?> containerLog(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug, @PathVariable String pipeline, @PathVariable String step,
            @PathVariable String log) {
        return logOf(request, workspace, repoSlug, pipeline, step, log);
    }

    /**
     * A log as Bitbucket answers its read: a completed step's from long-term storage (a 307 there), a running step's
     * here. {@code log} is empty for the build container's log at {@code /log}.
     */
    private ResponseEntity<?> logOf(ServerHttpRequest request, String workspace, String repoSlug, String pipeline,
            String step, String log) {
        ResponseEntity<?> refused = refuseUnacceptable(request);
        if (refused != null) {
            return refused;
        }
        StepSnapshot s = step(workspace, repoSlug, pipeline, step);
        List<String> lines = log(s, log);
        if (lines != null && s.status().state().name().equals("COMPLETED")) {
            return storage.redirect(request, List.of(workspace, repoSlug, pipeline, step, log));
        }
        return serve(request, lines);
    }

    /**
     * The lines of the step's log {@code log}: the build container's when it is empty or the step's uuid, else the
     * service container's of that uuid; {@code null} while the step has not started.
     */
    static List<String> log(StepSnapshot step, String log) {
        if (log.isEmpty() || Ids.sameUuid(step.plan().uuid(), log)) {
            return step.buildLog();
        }
        StepPlan.ServiceContainer service = step.plan().services().stream()
                .filter(c -> Ids.sameUuid(c.uuid(), log))
                .findFirst().orElseThrow(() -> SandboxException.notFound("Log " + log + " not found."));
        return step.serviceLog(service);
    }

    private StepSnapshot step(String workspace, String repoSlug, String pipeline, String step) {
        Repo repo = store.repository(workspace, repoSlug);
        PipelineSnapshot snapshot = Timeline.at(store.pipeline(repo, pipeline), store.now());
        return SandboxPipelineController.step(snapshot, step);
    }

    /** Logs are text: a client that accepts only other types (typically JSON) gets 406, as from Bitbucket. */
    private static ResponseEntity<?> refuseUnacceptable(ServerHttpRequest request) {
        List<MediaType> accept = request.getHeaders().getAccept();
        boolean acceptable = accept.isEmpty() || accept.stream().anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_PLAIN)
                || m.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM));
        return acceptable ? null : SandboxErrorHandler.error(HttpStatus.NOT_ACCEPTABLE,
                "Logs are served as text/plain; the Accept header allows none of it.");
    }

    static ResponseEntity<?> serve(ServerHttpRequest request, List<String> lines) {
        if (lines == null) {
            throw SandboxException.notFound("The step has not started: it has no log yet.");
        }
        byte[] content = lines.isEmpty() ? new byte[0]
                : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(content) + "\"";
        List<String> ifNoneMatch = request.getHeaders().getIfNoneMatch();
        if (ifNoneMatch.contains(etag) || ifNoneMatch.contains("*")) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes").build();
        }
        String range = request.getHeaders().getFirst(HttpHeaders.RANGE);
        Matcher m = range == null ? null : RANGE.matcher(range);
        // Multiple ranges or other units are not supported; HTTP lets a server ignore Range and send everything.
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return ResponseEntity.ok().contentType(TEXT).eTag(etag).header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .body(content);
        }
        long total = content.length;
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = parse(m.group(2));
            first = Math.max(0, total - suffix);
            last = total - 1;
            if (suffix == 0) {
                first = total;
            }
        } else {
            first = parse(m.group(1));
            last = m.group(2).isEmpty() ? total - 1 : Math.min(parse(m.group(2)), total - 1);
            if (!m.group(2).isEmpty() && parse(m.group(2)) < first) {
                // An invalid range (last before first) is ignored, as HTTP prescribes.
                return ResponseEntity.ok().contentType(TEXT).eTag(etag).header(HttpHeaders.ACCEPT_RANGES, "bytes")
                        .body(content);
            }
        }
        if (first >= total) {
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .contentType(MediaType.APPLICATION_JSON).eTag(etag)
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + total)
                    .body(SandboxJson.Error.of("Requested range not satisfiable: the log has " + total + " bytes."));
        }
        byte[] part = Arrays.copyOfRange(content, (int) first, (int) last + 1);
        return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).contentType(TEXT).eTag(etag)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + total)
                .body(part);
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.pipelinesgateway.sandbox;

import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import io.pipelinesgateway.sandbox.Timeline.StepSnapshot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the sandbox keeps a completed step's logs, as Bitbucket keeps them in long-term storage: the log's read
 * answers 307 to a pre-signed address here ({@link #redirect}), valid for five minutes, which serves the log as the API
 * does (HTTP Range, ETags) and, like S3, refuses a request that also carries an {@code Authorization} header (400), and
 * one whose signature does not match or has expired (403), with S3's XML errors.
 */
@RestController
@Profile("sandbox")
class SandboxLogStorage {

    /** Below the sandbox's paths, outside its API: no credential is asked for here. */
    static final String PREFIX = "/sandbox/storage/logs";
    private static final long EXPIRES_SECONDS = 300;

    private final SandboxStore store;
    private final SecretKeySpec key;

    SandboxLogStorage(SandboxStore store) {
        this.store = store;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Bitbucket's answer to the read of a completed step's log: a redirect to its pre-signed address here. */
    ResponseEntity<?> redirect(ServerHttpRequest request, List<String> coordinates) {
        String object = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", coordinates).getBytes(StandardCharsets.UTF_8));
        long date = Instant.now().getEpochSecond();
        URI asked = request.getURI();
        URI address = URI.create(asked.getScheme() + "://" + asked.getRawAuthority() + PREFIX + "/" + object
                + "?X-Amz-Date=" + date + "&X-Amz-Expires=" + EXPIRES_SECONDS
                + "&X-Amz-Signature=" + signature(object, date));
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(address).build();
    }

    @GetMapping(PREFIX + "/{object}")
    ResponseEntity<?> read(ServerHttpRequest request, @PathVariable String object,
            @RequestParam(name = "X-Amz-Date", required = false) Long date,
            @RequestParam(name = "X-Amz-Expires", required = false) Long expires,
            @RequestParam(name = "X-Amz-Signature", required = false) String signature) {
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return error(HttpStatus.BAD_REQUEST, "InvalidArgument", "Only one auth mechanism allowed; only the "
                    + "X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header "
                    + "should be specified");
        }
        if (date == null || expires == null || signature == null || !MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.UTF_8), signature(object, date).getBytes(StandardCharsets.UTF_8))) {
            return error(HttpStatus.FORBIDDEN, "SignatureDoesNotMatch", "The request signature we calculated does not "
                    + "match the signature you provided.");
        }
        if (Instant.now().getEpochSecond() > date + Math.min(expires, EXPIRES_SECONDS)) {
            return error(HttpStatus.FORBIDDEN, "AccessDenied", "Request has expired");
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(object), StandardCharsets.UTF_8).split("\n", -1);
        Repo repo = store.repository(parts[0], parts[1]);
        PipelineSnapshot snapshot = Timeline.at(store.pipeline(repo, parts[2]), store.now());
        StepSnapshot step = SandboxPipelineController.step(snapshot, parts[3]);
        return SandboxLogController.serve(request, SandboxLogController.log(step, parts[4]));
    }

    private String signature(String object, long date) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((object + "\n" + date).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_XML)
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                        + message + "</Message></Error>");
    }
}

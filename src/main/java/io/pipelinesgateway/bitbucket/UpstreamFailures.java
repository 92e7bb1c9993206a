package io.pipelinesgateway.bitbucket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.logging.Redactor;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriUtils;

/**
 * Failure mapping: turns every way a call to Bitbucket can fail (an HTTP status, a timeout, no connection, the
 * gateway's own pool full) into a {@link GatewayException} whose code and message a caller can act on, with no
 * secret of the request in it.
 */
final class UpstreamFailures {

    static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
    /** A letter, digit or underscore: what a word, a key or a slug is made of. */
    private static final Pattern WORD_CHARACTER = Pattern.compile("[\\p{L}\\p{N}_]");
    /** The armour lines of a PEM block, which are no secret. */
    private static final Pattern PEM_ARMOUR = Pattern.compile("-----(BEGIN|END) [A-Z0-9 ]*-----");
    /**
     * The most characters of Bitbucket's words an error message echoes: they can quote the caller's input whole (a
     * branch name of thousands of characters), which the caller has, and which would only lengthen every answer and
     * access log line that carries the message.
     */
    static final int ECHOED_CHARACTERS = 200;

    private final JsonMapper jsonMapper;
    private final BitbucketAddresses addresses;

    UpstreamFailures(JsonMapper jsonMapper, BitbucketAddresses addresses) {
        this.jsonMapper = jsonMapper;
        this.addresses = addresses;
    }

    /**
     * Whether a call failed for taking too long: the gateway's own timeout, or Reactor Netty's response timeout
     * (a Netty {@code ReadTimeoutException} inside a {@link WebClientRequestException}), whichever fired first.
     */
    static boolean isTimeout(Throwable error) {
        return error instanceof TimeoutException
                || (error instanceof WebClientRequestException && (error.getCause() instanceof TimeoutException
                        || error.getCause() instanceof io.netty.handler.timeout.TimeoutException));
    }

    /**
     * Whether a call found none of the gateway's own connections to Bitbucket free in time: the pool's queue was
     * full or the wait too long. The call never reached Bitbucket.
     */
    static boolean gatewayBusy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoolAcquirePendingLimitException || cause instanceof PoolAcquireTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The error a call gets that failed before Bitbucket answered: the gateway busy, Bitbucket too slow or away. */
    static GatewayException transportFailure(UpstreamRequest request, Throwable error) {
        if (gatewayBusy(error)) {
            return new GatewayBusyException(request);
        }
        if (isTimeout(error)) {
            return new GatewayException(ErrorCode.UPSTREAM_TIMEOUT,
                    "Bitbucket did not answer in time for " + request.resource() + "; try again shortly.");
        }
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Bitbucket could not be reached for " + request.resource() + "; try again shortly.");
    }

    static GatewayException outcomeUnknown(UpstreamRequest request) {
        return new GatewayException(ErrorCode.UPSTREAM_OUTCOME_UNKNOWN, "Bitbucket did not answer in time for "
                + request.described() + ", so whether it made the change is unknown: read "
                + "what it holds there now before sending the change again, or it may be made twice.");
    }

    static GatewayException unreadable(UpstreamRequest request) {
        return new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Bitbucket sent an answer the gateway could not read for " + request.resource() + ".");
    }

    /** The error for an answer that is not a success; {@code sent} is the change's body, whose secrets are masked. */
    GatewayException statusFailure(UpstreamRequest request, ResponseEntity<byte[]> response, Object sent) {
        int status = response.getStatusCode().value();
        String what = request.described();
        if (response.getStatusCode().is3xxRedirection()) {
            return moved(request, response, what);
        }
        return switch (status) {
            case 400 -> refusesPageLength(request, response)
                    ? new PageLengthRefusedException("Bitbucket refused the page length asked of " + what
                            + upstreamMessage(response, sent))
                    : new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "Bitbucket rejected the request for " + what + upstreamMessage(response, sent), status, null);
            case 401 -> new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "Bitbucket did not accept the credential. Send 'Authorization: Bearer <access token>' or "
                            + "'Basic base64(email:api_token)' with a valid, unexpired credential.", status, null);
            case 403 -> request.resource() == UpstreamResource.WORKSPACE_MEMBERSHIPS ? noWorkspacesToList(response)
                    : new GatewayException(ErrorCode.FORBIDDEN,
                    "The credential is not allowed to access " + what + ": it lacks the scope (read:pipeline:"
                            + "bitbucket to read, write:pipeline:bitbucket to run or stop, admin:pipeline:bitbucket "
                            + "to configure) or the permission on this workspace.", status, null);
            case 404 -> request.repository() != null && hidesTheRepository(response)
                    ? new RepositoryHiddenException("Bitbucket has no repository at "
                    + "/repositories/" + UriUtils.decode(request.repository(), StandardCharsets.UTF_8)
                    + ", or the credential cannot see it.")
                    : new GatewayException(ErrorCode.NOT_FOUND, bitbucketField(response, "detail") == null
                            ? "Bitbucket has no " + what + ", or the credential cannot see it."
                            : "Bitbucket answered 404 Not Found for " + what + upstreamMessage(response, sent),
                            status, null);
            case 409 -> new GatewayException(ErrorCode.CONFLICT,
                    "Bitbucket reported a conflict for " + what + upstreamMessage(response, sent), status, null);
            case 416 -> new LogRangeException(
                    "The requested range starts past the end of the log" + logSizeText(response) + ".",
                    logSize(response));
            case 429 -> new GatewayException(ErrorCode.RATE_LIMITED,
                    "Bitbucket's rate limit for this credential is used up; try again after "
                            + retryAfter(response) + " seconds.", status, retryAfter(response));
            // Any other 4xx (405, 410, 413, 422, ...) is still Bitbucket refusing this request, not failing: the
            // caller's to fix, so it is neither retried nor counted against the circuit breaker.
            default -> status >= 400 && status < 500
                    ? new GatewayException(ErrorCode.BAD_USER_INPUT, "Bitbucket rejected the request for " + what
                            + " (HTTP " + status + ")" + upstreamMessage(response, sent), status, null)
                    : new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                            "Bitbucket answered " + status + " for " + request.resource() + "; try again shortly.",
                            status, null);
        };
    }

    /** Whether a 400 is Bitbucket refusing the length of a page asked ("Invalid pagelen"), not the request. */
    private boolean refusesPageLength(UpstreamRequest request, ResponseEntity<byte[]> response) {
        if (request.query().stream().noneMatch(parameter -> parameter.getKey().equals("pagelen"))) {
            return false;
        }
        String message = bitbucketMessage(response);
        return message != null && message.toLowerCase(Locale.ROOT).contains("pagelen");
    }

    /**
     * Bitbucket refusing to list the caller's workspaces: what it refuses to an access token (of a repository, project
     * or workspace), which belongs to no account and so has no workspaces, whatever its scopes; and to an account's
     * credential without the scope to read them.
     */
    private GatewayException noWorkspacesToList(ResponseEntity<byte[]> response) {
        String said = upstreamMessage(response, null); // ": " and Bitbucket's message, or "." when it sent none
        return new GatewayException(ErrorCode.FORBIDDEN, "Bitbucket would not list the caller's workspaces. It lists "
                + "them for an Atlassian account's credential with the scope to read them (read:workspace:bitbucket "
                + "for an API token, account for OAuth); a repository, project or workspace access token belongs to "
                + "no account and has none to list. Ask for a workspace by its slug (workspace(slug: \"...\")), or "
                + "configure the gateway's workspaces (gateway.workspaces)."
                + (said.equals(".") ? "" : " Bitbucket said" + said), response.getStatusCode().value(), null);
    }

    /**
     * A redirect the gateway does not follow (it follows only a completed log's, to where it is kept): Bitbucket
     * saying the thing is elsewhere now, as a renamed or transferred repository's paths answer. Asking again would get
     * the same answer, so it is NOT_FOUND, neither retried nor counted against the circuit breaker; the message names
     * where Bitbucket points when that is a path of its own API, and nothing of any other address.
     */
    private GatewayException moved(UpstreamRequest request, ResponseEntity<byte[]> response, String what) {
        int status = response.getStatusCode().value();
        String elsewhere = "";
        String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            try {
                URI base = URI.create(addresses.baseUrl());
                URI target = base.resolve(location);
                String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
                if (Objects.equals(target.getScheme(), base.getScheme())
                        && Objects.equals(target.getAuthority(), base.getAuthority())
                        && target.getRawQuery() == null && target.getPath().startsWith(root)) {
                    elsewhere = " (to " + target.getPath().substring(root.length() - 1) + ")";
                }
            }
            catch (IllegalArgumentException unreadable) {
                // Named nowhere: an address the gateway cannot read is not one to show either.
            }
        }
        return new GatewayException(ErrorCode.NOT_FOUND, "Bitbucket answered " + status + " for " + what
                + ": it says this is elsewhere now" + elsewhere + ", as it does for a repository that was renamed or "
                + "transferred. Ask for it where it is now.", status, null);
    }

    /**
     * Bitbucket's own one-line explanation of a rejected request, which is meant for its users, and nothing else of
     * its body: its error's message, or, where that only names the status ("Bad request", "Not found"), the detail
     * that Pipelines' errors give their reason in ("Requested selector is not found in bitbucket-pipelines.yml.").
     * It can echo the input, so the secrets the request sent (values that are or may be secured, private keys) and
     * any credential are masked in it: each where it stands whole, not where its characters happen to be part of a
     * word, so that a short secret does not mangle the message. Then it is cut to {@link #ECHOED_CHARACTERS}, after
     * the masking, so that no secret is cut short of being recognised.
     */
    private String upstreamMessage(ResponseEntity<byte[]> response, Object sent) {
        String message = bitbucketMessage(response);
        String detail = bitbucketField(response, "detail");
        String text = detail != null && (message == null || namesTheStatus(message, response)) ? detail : message;
        if (text == null) {
            return ".";
        }
        if (sent != null) {
            text = masked(text, secretsIn(jsonMapper.valueToTree(sent)));
        }
        return ": " + abridged(Redactor.redact(text));
    }

    /** The text, or its first {@link #ECHOED_CHARACTERS} characters and an ellipsis, never half a character. */
    static String abridged(String text) {
        if (text.length() <= ECHOED_CHARACTERS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(ECHOED_CHARACTERS - 1))
                ? ECHOED_CHARACTERS - 1 : ECHOED_CHARACTERS;
        return text.substring(0, end) + "…";
    }

    /**
     * The text with each secret masked where it stands whole: at an edge where the secret has a letter, digit or
     * underscore, the text must have none beside it ({@code x} is masked in {@code 'x'}, not in {@code exists}).
     * The longest secrets go first, so that one holding another is masked whole.
     */
    static String masked(String text, Collection<String> secrets) {
        List<String> longestFirst = new ArrayList<>(new LinkedHashSet<>(secrets));
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String secret : longestFirst) {
            if (result.contains(secret)) {
                result = wholeOccurrences(secret).matcher(result).replaceAll(Matcher.quoteReplacement(Redactor.MASK));
            }
        }
        return result;
    }

    private static Pattern wholeOccurrences(String secret) {
        String notAfterAWord = isWordCharacter(secret.codePointAt(0)) ? "(?<![\\p{L}\\p{N}_])" : "";
        String notBeforeAWord = isWordCharacter(secret.codePointBefore(secret.length()))
                ? "(?![\\p{L}\\p{N}_])" : "";
        return Pattern.compile(notAfterAWord + Pattern.quote(secret) + notBeforeAWord);
    }

    private static boolean isWordCharacter(int codePoint) {
        return WORD_CHARACTER.matcher(Character.toString(codePoint)).matches();
    }

    /**
     * Whether a 404 is Bitbucket saying that the credential may not see the repository at all, as it answers every
     * read below a private repository the credential lost access to ("You may not have access to this repository or
     * it no longer exists in this workspace", "... either does not exist or you do not have access"), rather than
     * that the thing asked for is not there.
     */
    boolean hidesTheRepository(ResponseEntity<byte[]> response) {
        String message = response.getStatusCode().value() == 404 ? bitbucketMessage(response) : null;
        return message != null && message.toLowerCase(Locale.ROOT).contains("have access");
    }

    /** The message of Bitbucket's error body ({@code error.message}), or {@code null} where it sent none. */
    private String bitbucketMessage(ResponseEntity<byte[]> response) {
        return bitbucketField(response, "message");
    }

    /** A text field of Bitbucket's error body ({@code error.<name>}), or {@code null} where it sent none. */
    private String bitbucketField(ResponseEntity<byte[]> response, String name) {
        try {
            JsonNode field = jsonMapper.readTree(response.getBody()).path("error").path(name);
            return field.isString() && !field.asString().isBlank() ? field.asString() : null;
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Whether a message says no more than the status's name, as Bitbucket's "Bad request" and "Not found" do (by any
     * of its names: 422 is both "Unprocessable Entity" and "Unprocessable Content").
     */
    private static boolean namesTheStatus(String message, ResponseEntity<byte[]> response) {
        String name = message.strip().replaceAll("\\.$", "");
        return Arrays.stream(HttpStatus.values()).anyMatch(status -> status.value()
                == response.getStatusCode().value() && status.getReasonPhrase().equalsIgnoreCase(name));
    }

    /**
     * The secrets of a request body, at any depth: a variable's {@code value} unless the variable says it is not
     * secured (a change that leaves {@code secured} out may be of a secured one), and a {@code private_key}, whole
     * and line by line. Each is also taken without the white space around it, which Bitbucket may trim. A variable
     * sent with {@code secured: false} holds no secret: its value is shown to anyone who reads it.
     */
    static List<String> secretsIn(JsonNode body) {
        List<String> secrets = new ArrayList<>();
        JsonNode secured = body.path("secured");
        if (!secured.isBoolean() || secured.asBoolean()) {
            addSecret(secrets, body.path("value"));
        }
        JsonNode privateKey = body.path("private_key");
        if (addSecret(secrets, privateKey)) {
            for (String line : privateKey.asString().split("\\R")) {
                if (!PEM_ARMOUR.matcher(line.strip()).matches()) {
                    addSecret(secrets, line);
                }
            }
        }
        for (JsonNode child : body.values()) {
            secrets.addAll(secretsIn(child));
        }
        return secrets;
    }

    private static boolean addSecret(List<String> secrets, JsonNode field) {
        return field.isString() && addSecret(secrets, field.asString());
    }

    private static boolean addSecret(List<String> secrets, String secret) {
        if (secret.isBlank()) {
            return false;
        }
        secrets.add(secret);
        if (!secret.strip().equals(secret)) {
            secrets.add(secret.strip());
        }
        return true;
    }

    private static Long logSize(ResponseEntity<byte[]> response) {
        String contentRange = response.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE);
        if (contentRange == null) {
            return null;
        }
        Matcher matcher = CONTENT_RANGE.matcher(contentRange);
        return matcher.find() && !"*".equals(matcher.group(3)) ? Long.parseLong(matcher.group(3)) : null;
    }

    private static String logSizeText(ResponseEntity<byte[]> response) {
        Long size = logSize(response);
        return size == null ? "" : " (" + size + " bytes)";
    }

    private static long retryAfter(ResponseEntity<byte[]> response) {
        String header = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return header == null ? 60 : Math.max(1, Long.parseLong(header.trim()));
        }
        catch (NumberFormatException httpDate) {
            return 60;
        }
    }
}

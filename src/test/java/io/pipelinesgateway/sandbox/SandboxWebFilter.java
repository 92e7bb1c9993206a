package io.pipelinesgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What every sandbox request goes through before its handler, the way Bitbucket's edge behaves:
 * <ul>
 *   <li>the configured latency, without blocking a thread ({@code Mono.delay}), also on the storage of completed logs
 *       ({@link SandboxLogStorage}), which is all that applies there;</li>
 *   <li>authentication: the literal credentials {@code invalid} (401) and {@code forbidden} (403), as a Bearer token
 *       or as the password / API token of Basic; the Bearer token {@code access-token}, a workspace's access token,
 *       which belongs to no account, so it is refused the caller's workspaces (403) and reads all else; anything
 *       else, and no credential at all (the built-in sandbox user), is let through;</li>
 *   <li>trailing slashes: Bitbucket answers {@code .../pipelines} and {@code .../pipelines/} alike, and so do we.</li>
 * </ul>
 * Then the sandbox's handler answers, past the gateway's own filters that come after this one (its security, with
 * its firewall and header writers, and its CORS): the sandbox stands for Bitbucket, whose answers cost the gateway no
 * work of its own filters. Through them, a sandbox answer cost the process as much CPU as the gateway's work on it,
 * which the benchmark's cold views measured as the gateway's.
 */
@Component
@Profile("sandbox")
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class SandboxWebFilter implements WebFilter {

    /**
     * The name of the threads the sandbox answers on once its latency has passed: what they spend is the sandbox's
     * work, not the gateway's, and the benchmark reports it apart.
     */
    public static final String ANSWER_THREADS = "sandbox-answers";

    static final String PREFIX = "/sandbox/2.0";

    /**
     * The threads every sandbox of the JVM answers on, as Reactor's own parallel scheduler (where they answered
     * before) is shared: a gateway started after others finds them warm, so its first answers measure its own start.
     */
    private static final Scheduler ANSWERS = Schedulers.newParallel(ANSWER_THREADS,
            Runtime.getRuntime().availableProcessors(), true);

    private final SandboxProperties properties;
    private final WebHandler handlers;
    private final Scheduler answers;

    @Autowired
    SandboxWebFilter(SandboxProperties properties, ObjectProvider<DispatcherHandler> dispatcher) {
        this(properties, exchange -> dispatcher.getObject().handle(exchange), ANSWERS);
    }

    /**
     * With {@code handlers} answering the sandbox's requests (WebFlux's dispatcher, in the application), on
     * {@code answers} once the latency has passed.
     */
    SandboxWebFilter(SandboxProperties properties, WebHandler handlers, Scheduler answers) {
        this.properties = properties;
        this.handlers = handlers;
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!serves(path)) {
            return chain.filter(exchange);
        }
        boolean storage = path.startsWith(SandboxLogStorage.PREFIX + "/");
        // The storage of completed logs takes no Bitbucket credential (it refuses one): only the latency applies.
        Mono<Void> handle = Mono.defer(() -> storage ? handlers.handle(exchange) : handle(exchange, path));
        return properties.latencyMs() > 0
                ? Mono.delay(Duration.ofMillis(properties.latencyMs()), answers).then(handle)
                : handle;
    }

    private Mono<Void> handle(ServerWebExchange exchange, String path) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        HttpStatus denied = check(authorization);
        if (denied != null) {
            return reject(exchange.getResponse(), denied, denied == HttpStatus.UNAUTHORIZED
                    ? "Invalid credentials: the sandbox rejects the credential 'invalid'."
                    : "Your credential lacks the scope this operation needs: the sandbox refuses the credential "
                            + "'forbidden'.");
        }
        if (accessToken(authorization) && (path.equals(PREFIX + "/user/workspaces")
                || path.startsWith(PREFIX + "/user/workspaces/"))) {
            return reject(exchange.getResponse(), HttpStatus.FORBIDDEN,
                    "This API is not accessible by this authentication mechanism");
        }
        if (path.length() > PREFIX.length() + 1 && path.endsWith("/")) {
            ServerHttpRequest request = exchange.getRequest().mutate()
                    .path(exchange.getRequest().getPath().contextPath().value()
                            + path.substring(0, path.length() - 1))
                    .build();
            return handlers.handle(exchange.mutate().request(request).build());
        }
        return handlers.handle(exchange);
    }

    /** Whether {@code path} is the sandbox's: its Bitbucket API or the storage of its completed logs. */
    static boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/") || path.startsWith(SandboxLogStorage.PREFIX + "/");
    }

    /** The status to refuse the credential with, or {@code null} to accept it. */
    static HttpStatus check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credential = space < 0 ? "" : value.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return verdict(credential);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return HttpStatus.UNAUTHORIZED;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? HttpStatus.UNAUTHORIZED : verdict(decoded.substring(colon + 1));
        }
        return null;
    }

    /** Whether the credential is the sandbox's workspace access token, the Bearer token {@code access-token}. */
    static boolean accessToken(String authorization) {
        String value = authorization == null ? "" : authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) && value.substring(7).trim().equals("access-token");
    }

    private static HttpStatus verdict(String secret) {
        return switch (secret) {
            case "invalid" -> HttpStatus.UNAUTHORIZED;
            case "forbidden" -> HttpStatus.FORBIDDEN;
            default -> null;
        };
    }

    private static Mono<Void> reject(ServerHttpResponse response, HttpStatus status, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Bitbucket sandbox\"");
        }
        byte[] body = ("{\"type\":\"error\",\"error\":{\"message\":\"" + message.replace("\"", "\\\"") + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

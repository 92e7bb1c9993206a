package io.pipelinesgateway.security;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the gateway ({@code gateway.security.*}): in {@code pass-through} mode every caller brings its own
 * Bitbucket credential; in {@code service} mode callers prove who they are to the gateway (API keys here, or JWTs of
 * the issuer in {@code spring.security.oauth2.resourceserver.jwt.*}) and the gateway calls Bitbucket with the
 * configured workspaces' credentials. Wrong settings fail the start with a message saying which one.
 *
 * @param mode              {@code pass-through} (the default) or {@code service}
 * @param openIntrospection whether operations that only introspect the schema, and {@code /graphql/schema}, need no
 *                          caller, so GraphiQL's documentation works before a credential is set
 * @param openGraphiql      whether the GraphiQL page, its assets and {@code /favicon.ico} need no caller
 * @param anonymous         pass-through only: a request with no credential is sent upstream without one (the
 *                          sandbox serves it as its built-in user) rather than refused
 * @param apiKeys           service mode: the API keys callers send in {@code X-API-Key}
 * @param jwtClockSkew      service mode: how far a JWT's {@code exp} and {@code nbf} may be off the gateway's clock
 *                          (a JWT without {@code exp} is refused: it would be good for ever)
 */
@ConfigurationProperties("gateway.security")
public record InboundSecurityProperties(@DefaultValue("pass-through") Mode mode,
        @DefaultValue("true") boolean openIntrospection, @DefaultValue("true") boolean openGraphiql,
        @DefaultValue("false") boolean anonymous, List<ApiKey> apiKeys, @DefaultValue("60s") Duration jwtClockSkew) {

    public InboundSecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** How callers authenticate, and whose credential goes to Bitbucket. */
    public enum Mode {
        /** Callers send their own Bitbucket credential in {@code Authorization}; it is forwarded upstream. */
        PASS_THROUGH,
        /** Callers authenticate to the gateway; upstream calls use {@code gateway.workspaces[N]} credentials. */
        SERVICE
    }

    /**
     * One API key, known only by the SHA-256 of its value, so the configuration never holds a usable key.
     *
     * @param name   who holds it, as messages name the caller (never the key)
     * @param sha256 the hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum})
     * @param grants what it may do, such as {@code acme:write}, {@code platform:read} or {@code *:read}
     */
    public record ApiKey(String name, String sha256, List<String> grants) {

        private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

        public ApiKey {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Each gateway.security.api-keys entry needs a 'name'.");
            }
            if (sha256 == null || !HEX_SHA256.matcher(sha256.trim()).matches()) {
                throw new IllegalArgumentException("gateway.security.api-keys entry '" + name + "': 'sha256' must be "
                        + "the 64 hex characters of the key's SHA-256 (printf %s \"$KEY\" | sha256sum).");
            }
            sha256 = sha256.trim().toLowerCase(java.util.Locale.ROOT);
            grants = grants == null ? List.of() : List.copyOf(grants);
            Grants.parse(grants, "gateway.security.api-keys entry '" + name + "'");
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", grants=" + grants + "]";
        }
    }
}

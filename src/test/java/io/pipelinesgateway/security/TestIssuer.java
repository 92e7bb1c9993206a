package io.pipelinesgateway.security;

import java.time.Instant;
import java.util.Date;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OAuth2 issuer for the tests: an RSA key made for this JVM, its public half served as a JWKS by a WireMock server
 * of its own (apart from the fake Bitbucket, whose requests the tests count), and tokens signed with it, or with a
 * key the issuer never published.
 */
final class TestIssuer {

    private static final RSAKey KEY = generate("test-issuer-key");
    private static final RSAKey FOREIGN_KEY = generate("test-issuer-key");
    private static final WireMockServer SERVER = start();

    private TestIssuer() {
    }

    /** The issuer ({@code iss}) its tokens carry, for {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
    static String issuer() {
        return SERVER.baseUrl();
    }

    /** For {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    static String jwkSetUri() {
        return SERVER.baseUrl() + "/jwks.json";
    }

    /** A valid token for {@code subject} with {@code scope} (space-separated), good for an hour. */
    static String token(String subject, String scope) {
        return sign(KEY, subject, scope, Instant.now().plusSeconds(3600));
    }

    /** A token that expired ten minutes ago, past any clock skew allowed. */
    static String expiredToken(String subject, String scope) {
        return sign(KEY, subject, scope, Instant.now().minusSeconds(600));
    }

    /** A token signed with a key the issuer never published (same key ID): its signature does not verify. */
    static String forgedToken(String subject, String scope) {
        return sign(FOREIGN_KEY, subject, scope, Instant.now().plusSeconds(3600));
    }

    /** A valid token for {@code subject} with {@code scope} that never expires: it has no {@code exp}. */
    static String tokenWithoutExpiry(String subject, String scope) {
        return sign(KEY, subject, scope, null);
    }

    private static String sign(RSAKey key, String subject, String scope, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .claim("scope", scope)
                .issueTime(Date.from(expiresAt == null ? Instant.now() : expiresAt.minusSeconds(3600)))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().notifier(new Slf4jNotifier(false)));
        server.start();
        server.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(KEY.toPublicJWK()).toString())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-issuer-stop"));
        return server;
    }
}

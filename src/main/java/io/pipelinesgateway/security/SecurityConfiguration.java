package io.pipelinesgateway.security;

import io.pipelinesgateway.bitbucket.Credential;
import io.pipelinesgateway.error.GatewayException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * The HTTP side of inbound security. Stateless in both modes: no session, no cookie (so no CSRF token), no login
 * form or Basic login, and no generated user.
 * <p>
 * In {@code pass-through} mode nothing is authenticated here: {@code Authorization} is the caller's Bitbucket
 * credential, not the gateway's to interpret. In {@code service} mode an {@code X-API-Key} header, or a JWT in
 * {@code Authorization} when an issuer is configured, is checked on every request, and a bad one is answered
 * {@code 401} at once. Either way {@code /graphql} itself is open at this level: whether an operation may run is
 * decided per operation by {@link OperationAccess}, because introspection stays open and only the parsed document
 * tells it apart. Open too: the webhook (it checks its own HMAC signature), health, info and Prometheus metrics
 * (k8s/'s NetworkPolicy limits who reaches them), and GraphiQL while {@code gateway.security.open-graphiql} is on. The
 * sandbox's simulated Bitbucket (sandbox profile only) answers before this chain, as Bitbucket would: it checks the
 * Bitbucket credentials it is sent itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, InboundSecurityProperties properties,
            ApiKeys apiKeys, ServiceCallers serviceCallers, ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
            JsonMapper json, @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        boolean service = properties.mode() == InboundSecurityProperties.Mode.SERVICE;
        ReactiveJwtDecoder jwt = service ? jwtDecoder.getIfAvailable() : null;
        if (service && !apiKeys.any() && jwt == null) {
            throw new IllegalStateException("gateway.security.mode is 'service', but no caller could authenticate: "
                    + "configure gateway.security.api-keys, or a JWT issuer "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri or .jwk-set-uri).");
        }
        GraphQlErrorEntryPoint entryPoint = new GraphQlErrorEntryPoint(json, properties.mode());
        ReactiveAuthorizationManager<AuthorizationContext> caller = service
                ? AuthenticatedReactiveAuthorizationManager.authenticated()
                : (authentication, context) -> Mono.just(new AuthorizationDecision(properties.anonymous()
                        || bitbucketCredentialIn(context.getExchange())));
        // CORS stays with WebFlux's own mapping (web/GraphQlCors): /graphql, preflights included, is open here.
        http.cors(ServerHttpSecurity.CorsSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.POST, "/webhooks/bitbucket").permitAll()
                            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                    "/actuator/prometheus").permitAll()
                            .pathMatchers(graphQlPath).permitAll();
                    if (properties.openIntrospection()) {
                        exchanges.pathMatchers(graphQlPath + "/schema").permitAll();
                    }
                    if (properties.openGraphiql()) {
                        exchanges.pathMatchers("/graphiql", "/graphiql/**", "/webjars/**", "/favicon.ico")
                                .permitAll();
                    }
                    exchanges.anyExchange().access(caller);
                });
        if (service) {
            http.addFilterAt(apiKeyFilter(serviceCallers, entryPoint, jwt != null),
                    SecurityWebFiltersOrder.AUTHENTICATION);
            if (jwt != null) {
                http.oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(entryPoint)
                        .jwt(decoding -> decoding.jwtDecoder(jwt).jwtAuthenticationConverter(token ->
                                Mono.fromSupplier(() -> new CallerAuthentication(ServiceCallers.fromJwt(token))))));
            }
        }
        return http.build();
    }

    /**
     * No observation of each security filter, authentication and authorization: with an observation registry, Spring
     * Security otherwise times every filter of the chain on every request, a tenth of the CPU of serving a small one,
     * to time what is here a header check. The request itself stays timed ({@code http.server.requests},
     * {@code graphql.request}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The check of a JWT's times that Spring Boot's decoder applies in place of its default one, which lets a token
     * without {@code exp} through: such a token would be good for ever. Skew: {@code gateway.security.jwt-clock-skew}.
     */
    @Bean
    JwtTimestampValidator jwtTimestampValidator(InboundSecurityProperties properties) {
        JwtTimestampValidator validator = new JwtTimestampValidator(properties.jwtClockSkew());
        validator.setAllowEmptyExpiryClaim(false);
        return validator;
    }

    /**
     * Authenticates a request by its {@code X-API-Key} header; a request without one goes on unauthenticated, unless
     * it sends {@code Authorization} to a gateway that trusts no JWT issuer: that credential can never be checked, so
     * it is refused with {@code 401} as every other bad credential is.
     */
    private static AuthenticationWebFilter apiKeyFilter(ServiceCallers serviceCallers,
            GraphQlErrorEntryPoint entryPoint, boolean jwtTrusted) {
        ReactiveAuthenticationManager manager = presented -> serviceCallers
                .apiKey(String.valueOf(presented.getCredentials()))
                .map(CallerAuthentication::new);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            String key = headers.getFirst(CallerInterceptor.API_KEY_HEADER);
            if (key != null && !key.isBlank()) {
                return Mono.just(new PreAuthenticatedAuthenticationToken(CallerInterceptor.API_KEY_HEADER, key));
            }
            return !jwtTrusted && headers.getFirst(HttpHeaders.AUTHORIZATION) != null
                    ? Mono.error(new ServiceCallers.NoTrustedIssuerException())
                    : Mono.empty();
        });
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    /** Pass-through: whether a request carries something shaped like a Bitbucket credential (Bitbucket checks it). */
    private static boolean bitbucketCredentialIn(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        try {
            return authorization != null && Credential.fromAuthorizationHeader(authorization) != null;
        }
        catch (GatewayException malformed) {
            return false;
        }
    }
}

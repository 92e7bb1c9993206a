package io.pipelinesgateway.sandbox;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import io.micrometer.observation.ObservationPredicate;

/**
 * Switches the sandbox on with the {@code sandbox} profile: a simulated Bitbucket Cloud under {@code /sandbox/2.0}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    @Bean
    SandboxClock sandboxClock() {
        return new SandboxClock(Clock.systemUTC());
    }

    /**
     * The sandbox's requests are not the gateway's: they stay out of its {@code http.server.requests}, as Bitbucket's
     * answers to it would, so that a gateway on its sandbox counts only its own traffic there.
     */
    @Bean
    ObservationPredicate sandboxRequestsAreNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && SandboxWebFilter.serves(request.getCarrier().getPath().pathWithinApplication().value()));
    }
}

package io.pipelinesgateway.sandbox;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

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
}

package io.pipelinesgateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives an application started inside a test its own Reactor Netty event loops and connection pools. By default a
 * process shares global ones, which the first application to stop disposes of, taking the servers and clients of
 * every other application in the JVM down with it (a replica beside another, a fresh gateway beside a running one in
 * the benchmark): in production each gateway is a process of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}

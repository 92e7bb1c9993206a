package io.pipelinesgateway.bitbucket;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.PipelinesGatewayApplication;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway that stops while its pool holds connections to Bitbucket closes them before the event loops they run on
 * are shut down: a replica's every stop would otherwise log an ERROR with a stack trace (Reactor's "onErrorDropped",
 * a {@code RejectedExecutionException} from a terminated event loop).
 */
class AGatewayClosedWithConnectionsOpenLogsNoErrorTest {

    @Test
    void closingTheGatewayAfterAnUpstreamCallLogsNoError() {
        FakeBitbucket.server().stubFor(Payloads.stub("workspace-acme.json"));
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(PipelinesGatewayApplication.class)
                .run("--server.port=0", "--gateway.bitbucket.base-url=" + FakeBitbucket.baseUrl(),
                        "--gateway.cache.enabled=false");
        String base = "http://127.0.0.1:" + gateway.getEnvironment().getRequiredProperty("local.server.port");
        String answer = WebClient.create(base).post().uri("/graphql")
                .header("Authorization", "Bearer closing-test")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { name } }\"}")
                .retrieve().bodyToMono(String.class).block();
        assertThat(answer).contains("Acme Corp");

        // The event loops stop with the application's lifecycle, which stops what depends on them first: the
        // exchange depends on them, and stops, its connections closed, with the lifecycle too.
        String exchange = gateway.getBeanNamesForType(UpstreamExchange.class)[0];
        String eventLoops = gateway.getBeanNamesForType(ReactorResourceFactory.class)[0];
        assertThat(gateway.getBeanFactory().getDependenciesForBean(exchange)).contains(eventLoops);
        assertThat(gateway.getBean(exchange)).isInstanceOf(Lifecycle.class);

        try (LogLines errors = LogLines.of(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.ERROR)) {
            // Bitbucket's connection stays open in the pool, as keep-alive leaves it.
            gateway.close();
            assertThat(errors.lines()).isEmpty();
        }
    }
}

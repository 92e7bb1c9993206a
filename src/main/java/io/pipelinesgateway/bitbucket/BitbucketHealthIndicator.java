package io.pipelinesgateway.bitbucket;

import java.net.URI;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Whether Bitbucket answers at all ({@code /actuator/health} component {@code bitbucket}, shown to authenticated
 * callers). Not part of readiness: Bitbucket is the same for every replica, so its outage would take them all out of
 * service at once, while each can still answer what it has cached, and errors that say what is wrong.
 * <p>
 * The check sends no credential: callers' rate limits (about 1,000 requests an hour each) are for their queries,
 * and any answer below 500, a 401 or 404 included, proves Bitbucket is there. One answer is reused for
 * {@code gateway.health.upstream-interval}, so however often health is asked, Bitbucket sees one request an interval
 * from each replica.
 */
@Component("bitbucket")
class BitbucketHealthIndicator implements ReactiveHealthIndicator {

    private final WebClient webClient;
    private final BitbucketAddresses addresses;
    private final UpstreamHealthProperties properties;
    private final Mono<Health> check;

    BitbucketHealthIndicator(WebClient.Builder builder, BitbucketAddresses addresses,
            UpstreamHealthProperties properties) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.upstreamTimeout().toMillis())
                .responseTimeout(properties.upstreamTimeout());
        this.webClient = builder.clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        this.addresses = addresses;
        this.properties = properties;
        // Concurrent probes share the check in flight; the answer then stands for the interval.
        this.check = Mono.defer(this::ask).cache(properties.upstreamInterval());
    }

    @Override
    public Mono<Health> health() {
        return check;
    }

    private Mono<Health> ask() {
        String url = addresses.baseUrl();
        return webClient.get()
                .uri(URI.create(url))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(properties.upstreamTimeout())
                .map(status -> status < 500
                        ? Health.up().withDetail("url", url).withDetail("status", status).build()
                        : Health.down().withDetail("url", url).withDetail("status", status)
                                .withDetail("reason", "Bitbucket answers " + status + ".").build())
                .onErrorResume(error -> Mono.just(Health.down().withDetail("url", url)
                        .withDetail("reason", UpstreamFailures.isTimeout(error)
                                ? "Bitbucket did not answer within " + properties.upstreamTimeout().toMillis() + " ms."
                                : "Bitbucket cannot be reached.")
                        .build()));
    }
}

package io.pipelinesgateway.bitbucket;

import java.net.URI;
import java.time.Duration;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log's redirect is followed only to https, or to Bitbucket's own scheme: from Bitbucket over https, an address
 * over plain http would send the Range and the pre-signed address in the clear. It is refused before any request,
 * without naming the address.
 */
class LogStorageFollowsOnlyHttpsFromAnHttpsBitbucketTest {

    private static final BitbucketProperties HTTPS_BITBUCKET = new BitbucketProperties(
            "https://api.bitbucket.org/2.0", "https://bitbucket.org", 10, 10, Duration.ofSeconds(2),
            Duration.ofSeconds(1), 20, 0, Duration.ofMillis(10), Duration.ofSeconds(5),
            new BitbucketProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3), "");

    @Test
    void aRedirectToPlainHttpIsRefusedWithoutNamingTheAddress() {
        LogStorage storage = new LogStorage(HTTPS_BITBUCKET,
                new BitbucketAddresses(HTTPS_BITBUCKET, new MockEnvironment()),
                new OutboundConnections(HTTPS_BITBUCKET, new DefaultSslBundleRegistry()));
        UpstreamRequest log = UpstreamRequest.of(UpstreamResource.STEP_LOG, "repositories", "acme", "api",
                "pipelines", "{p}", "steps", "{s}", "log");
        ResponseEntity<byte[]> redirect = ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                .header(HttpHeaders.LOCATION, "http://logs.example/build.txt?X-Amz-Signature=5ec12e7").build();

        assertThat(LogStorage.redirected(log, redirect)).isTrue();
        StepVerifier.create(storage.read(log, URI.create("https://api.bitbucket.org/2.0" + log.path()), redirect,
                        new HttpHeaders()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(GatewayException.class);
                    assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
                    assertThat(error.getMessage()).contains("neither https").doesNotContain("logs.example", "5ec12e7");
                })
                .verify(Duration.ofSeconds(5));
    }
}

package io.pipelinesgateway.bitbucket;

import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * How the gateway's two clients of Bitbucket (its REST API, and the storage completed logs are read from) reach out
 * from a platform's network: through the proxy the JVM's standard properties name ({@code https.proxyHost},
 * {@code https.proxyPort}, {@code http.proxyHost}, {@code http.nonProxyHosts}), and checking certificates against
 * the SSL bundle {@code gateway.bitbucket.ssl-bundle} names (a proxy that inspects TLS has a CA of its own), else
 * against the JVM's trusted CAs.
 */
@Component
class OutboundConnections {

    /** The bundle whose trust checks certificates; null for the JVM's. */
    private final SslBundle bundle;

    OutboundConnections(BitbucketProperties properties, SslBundles bundles) {
        this.bundle = properties.sslBundle().isBlank() ? null : bundles.getBundle(properties.sslBundle());
    }

    /** The API's client, with the proxy and the trust; HTTP/2 still negotiated over TLS. */
    HttpClient api(HttpClient client) {
        HttpClient proxied = client.proxyWithSystemProperties();
        return bundle == null ? proxied : proxied.secure(tls -> tls.sslContext(Http2SslContextSpec.forClient()
                .configure(context -> context.trustManager(bundle.getManagers().getTrustManagerFactory()))));
    }

    /** The log storage's client, with the trust; the JDK's client takes the JVM's proxy by itself. */
    java.net.http.HttpClient.Builder storage(java.net.http.HttpClient.Builder client) {
        return bundle == null ? client : client.sslContext(bundle.createSslContext());
    }
}

package io.pipelinesgateway.bitbucket;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where Bitbucket is: the REST root calls go to, and the root of its web UI for links people open. A configured
 * path (the sandbox) names this very server, whose port is known only once it has started.
 */
@Component
public class BitbucketAddresses {

    private final BitbucketProperties properties;
    private final Environment environment;
    private volatile String resolvedBaseUrl;
    private volatile String resolvedWebUrl;

    BitbucketAddresses(BitbucketProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The REST root calls go to, with a path (the sandbox) resolved against this server's port. */
    String baseUrl() {
        String url = resolvedBaseUrl;
        if (url == null) {
            url = onThisServer(properties.baseUrl());
            resolvedBaseUrl = url;
        }
        return url;
    }

    /** The root of Bitbucket's web UI, for links people open; a path (the sandbox's pages) is resolved as above. */
    public String webUrl() {
        String url = resolvedWebUrl;
        if (url == null) {
            url = onThisServer(properties.webUrl());
            resolvedWebUrl = url;
        }
        return url;
    }

    private String onThisServer(String configured) {
        String url = configured.startsWith("/")
                ? "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + configured
                : configured;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

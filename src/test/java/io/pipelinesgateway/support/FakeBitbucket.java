package io.pipelinesgateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The one WireMock server that stands in for Bitbucket Cloud in this test JVM, on a free port, with its REST root at
 * {@value #API_ROOT} like {@code https://api.bitbucket.org/2.0}.
 * <p>
 * One server for the whole JVM (rather than one per class) keeps {@code gateway.bitbucket.base-url} the same for every
 * test class, so classes with the same properties share one cached Spring context; each test resets the server.
 */
public final class FakeBitbucket {

    /** Where the REST API lives on the server, as on Bitbucket. */
    public static final String API_ROOT = "/2.0";

    private static final WireMockServer SERVER = start();

    private FakeBitbucket() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options()
                .dynamicPort()
                // The fan-out test holds 16+ delayed requests open at once.
                .containerThreads(64)
                .notifier(new Slf4jNotifier(false))
                .extensions(new HttpRangeTransformer()));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-bitbucket-stop"));
        return server;
    }

    public static WireMockServer server() {
        return SERVER;
    }

    /** The value for {@code gateway.bitbucket.base-url}. */
    public static String baseUrl() {
        return SERVER.baseUrl() + API_ROOT;
    }

    /** A path below the REST root as the server sees it, e.g. {@code /repositories/acme/api} → {@code /2.0/...}. */
    public static String api(String path) {
        return API_ROOT + path;
    }
}

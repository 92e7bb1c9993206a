package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

import redis.embedded.RedisServer;

/**
 * The Redis the tests talk to: {@code REDIS_URL} when it is set (CI and developer machines run one), otherwise one
 * embedded server per test JVM, started on first use on a free port and stopped when the JVM exits. Each test class
 * takes its own key prefix, so classes sharing a Redis do not see each other's entries.
 */
public final class TestRedis {

    private static String sharedUrl;

    private TestRedis() {
    }

    /** The URL of the shared test Redis. */
    public static synchronized String url() {
        if (sharedUrl == null) {
            String configured = System.getenv("REDIS_URL");
            sharedUrl = configured != null && !configured.isBlank() ? configured : start().url();
        }
        return sharedUrl;
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix() {
        return "test:" + UUID.randomUUID() + ":";
    }

    /**
     * A Redis of the test's own, which it may stop and start again (to show an outage) without disturbing others.
     */
    public static Dedicated start() {
        return new Dedicated(freePort());
    }

    /** An embedded Redis server that a test controls. */
    public static final class Dedicated {

        private final int port;
        private RedisServer server;

        private Dedicated(int port) {
            this.port = port;
            startServer();
        }

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        public synchronized void stop() {
            try {
                server.stop();
            }
            catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }

        public synchronized void restart() {
            startServer();
        }

        private void startServer() {
            try {
                server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .onShutdownForceStop(true)
                        .build();
                server.start();
            }
            catch (IOException failed) {
                throw new UncheckedIOException("Could not start an embedded Redis on port " + port, failed);
            }
        }
    }

    /** A port nothing listens on now: one the system just handed out and was given back. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}

package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelinesgateway.redis.RedisConnections;
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

    /**
     * What a replica reaches Redis at {@code url} through, with {@code client} of the test's own and operations
     * allowed {@code timeout}: for tests that build the parts that use Redis themselves.
     */
    public static RedisConnections connections(RedisClient client, String url, Duration timeout) {
        return new RedisConnections(client, RedisURI.create(url), timeout, new SimpleMeterRegistry());
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix() {
        return "test:" + UUID.randomUUID() + ":";
    }

    /**
     * A Redis of the test's own, which it may stop and start again, or pause and resume (to show an outage, or a
     * hung Redis), without disturbing others.
     */
    public static Dedicated start() {
        return new Dedicated(freePort());
    }

    /** An embedded Redis server that a test controls. */
    public static final class Dedicated {

        private final int port;
        private RedisServer server;
        private long pid;

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

        /**
         * Stops the server's process where it stands (SIGSTOP): it keeps its connections and takes new ones, but
         * answers nothing, as a hung Redis does, until {@link #resume()}.
         */
        public synchronized void pause() {
            signal("-STOP");
        }

        /** Lets a paused server go on (SIGCONT): it answers what it was sent meanwhile, and everything after. */
        public synchronized void resume() {
            signal("-CONT");
        }

        private void signal(String signal) {
            try {
                Process kill = new ProcessBuilder("kill", signal, String.valueOf(pid())).inheritIO().start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill " + signal + " failed for the embedded Redis");
                }
            }
            catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        /** The server's process id, as the server itself reports it (the embedded server does not tell it). */
        private long pid() {
            if (pid == 0) {
                RedisClient client = RedisClient.create(url());
                try (var connection = client.connect()) {
                    pid = connection.sync().info("server").lines()
                            .filter(line -> line.startsWith("process_id:"))
                            .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                            .findFirst().orElseThrow();
                }
                finally {
                    client.shutdown();
                }
            }
            return pid;
        }

        private void startServer() {
            pid = 0;
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

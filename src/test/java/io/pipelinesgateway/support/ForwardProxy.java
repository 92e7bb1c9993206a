package io.pipelinesgateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward proxy as a network's way out is one, for the tests of the gateway's outbound calls: it takes a tunnel
 * ({@code CONNECT host:port}, as Netty's client asks for any target) and a request in absolute form (as the JDK's
 * client sends one for plain http), and reaches every host through one address, the fake upstream's, recording each
 * host it was asked for.
 */
public final class ForwardProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    /** Daemon threads: a connection the gateway keeps pooled must not keep the test's JVM alive after it. */
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private ForwardProxy(int upstreamPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        threads.execute(this::accept);
    }

    /** A proxy that reaches every host at {@code upstreamPort} on this machine. */
    public static ForwardProxy to(int upstreamPort) {
        try {
            return new ForwardProxy(upstreamPort);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The hosts asked for, in order: a tunnel's target, or an absolute-form request's {@code Host}. */
    public List<String> hosts() {
        return List.copyOf(hosts);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            InputStream in = client.getInputStream();
            String head = head(in);
            String first = head.substring(0, head.indexOf("\r\n"));
            if (first.toUpperCase(Locale.ROOT).startsWith("CONNECT ")) {
                String target = first.split(" ")[1];
                hosts.add(target.substring(0, target.lastIndexOf(':')));
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            else {
                head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("host:")).findFirst()
                        .ifPresent(host -> hosts.add(host.substring(5).trim().replaceFirst(":\\d+$", "")));
                upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            }
            threads.execute(() -> pipe(in, output(upstream)));
            pipe(upstream.getInputStream(), client.getOutputStream());
        }
        catch (IOException ended) {
            // The connection closed: nothing to answer.
        }
    }

    /** The request's head, up to and with its blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed before its head ended");
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static OutputStream output(Socket socket) {
        try {
            return socket.getOutputStream();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        }
        catch (IOException ended) {
            // One side closed: the other ends with it.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}

package io.pipelinesgateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connection to a Chrome DevTools Protocol target (the browser, or one page) over the JDK's WebSocket: commands
 * with their replies, and every event kept in arrival order, so a test can drive a real browser without a browser
 * automation library.
 */
public final class DevTools implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // The machine is slow and shared: a page load or a screenshot can take a while.
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private DevTools(HttpClient http, URI endpoint) {
        this.socket = http.newWebSocketBuilder()
                .connectTimeout(REPLY_TIMEOUT)
                .buildAsync(endpoint, new Frames())
                .orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Connects to a DevTools WebSocket endpoint, e.g. {@code ws://127.0.0.1:PORT/devtools/page/ID}. */
    public static DevTools connect(HttpClient http, URI endpoint) {
        return new DevTools(http, endpoint);
    }

    /** Sends a command and waits for its result; a protocol error fails the test with its message. */
    public JsonNode send(String method, Map<String, ?> params) {
        int id = lastId.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
        socket.sendText(message, true).orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        JsonNode answer = reply.orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** The value of a JavaScript expression in the page, or a null node for undefined and null. */
    public JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** The parameters of every event of {@code method} received so far, in order. */
    public List<JsonNode> events(String method) {
        return events.stream()
                .filter(event -> method.equals(event.path("method").asString()))
                .map(event -> event.path("params"))
                .toList();
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Puts a message together from its frames, then hands it to the command waiting for it or to the events. */
    private final class Frames implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
                else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}

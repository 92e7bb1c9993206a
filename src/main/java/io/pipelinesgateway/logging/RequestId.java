package io.pipelinesgateway.logging;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together every log line of one request and the errors its caller sees, so a caller can quote it
 * and an operator can find the lines. A caller's own {@code X-Request-Id} is kept when it is short and plain (it is
 * written into logs and headers); otherwise the gateway makes one.
 */
public final class RequestId {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";

    /** The MDC key (a field of JSON lines), the Reactor context key and the GraphQL error extension. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    /** The caller's id when it is safe to log and echo, else a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}

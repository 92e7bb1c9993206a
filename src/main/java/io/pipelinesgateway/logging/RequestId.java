package io.pipelinesgateway.logging;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import reactor.util.context.ContextView;

/**
 * The id that ties together every log line of one request and the errors its caller sees, so a caller can quote it
 * and an operator can find the lines. A caller's own {@code X-Request-Id} is kept when it is short and plain (it is
 * written into logs and headers); otherwise the gateway makes one.
 * <p>
 * The id travels in the Reactor context, not in a thread local restored on every Reactor signal (that cost a fifth
 * of a warm query's CPU): the few places that log for a request put it into the MDC around their line.
 */
public final class RequestId {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";

    /** The MDC key (a field of JSON lines), the Reactor context key and the GraphQL error extension. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    /** Runs {@code logging} with {@code id} (none when null) in the MDC, as the line(s) it writes should carry. */
    public static void inMdc(String id, Runnable logging) {
        inMdc(id, () -> {
            logging.run();
            return null;
        });
    }

    /** Runs {@code work}, which may log, with the request id of {@code context} (if any) in the MDC. */
    public static <T> T inMdc(ContextView context, Supplier<T> work) {
        return inMdc(context.<String>getOrDefault(MDC_KEY, null), work);
    }

    private static <T> T inMdc(String id, Supplier<T> work) {
        if (id == null) {
            return work.get();
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            return work.get();
        }
        finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            }
            else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /** The caller's id when it is safe to log and echo, else a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}

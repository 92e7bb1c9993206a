package io.pipelinesgateway.logging;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Moves the {@link RequestId} between the Reactor context and the MDC: with
 * {@code spring.reactor.context-propagation=auto}, Reactor restores it on every thread an operator runs on, so a line
 * logged by an upstream call or an error resolver carries the id of the request it serves. Registered through
 * {@code META-INF/services}, as Micrometer's context propagation finds accessors.
 */
public class RequestIdAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestId.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestId.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestId.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestId.MDC_KEY);
    }
}

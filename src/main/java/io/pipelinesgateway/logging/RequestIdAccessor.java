package io.pipelinesgateway.logging;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Moves the {@link RequestId} between the Reactor context and the MDC where a context snapshot is restored on
 * purpose: Spring for GraphQL's exception resolvers restore the request's context (captured into the GraphQL
 * context) on whichever thread completed the field, so their lines carry the id. Not on every Reactor signal
 * ({@code spring.reactor.context-propagation} stays {@code limited}): that cost a fifth of a warm query's CPU.
 * Registered through {@code META-INF/services}, as Micrometer's context propagation finds accessors.
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

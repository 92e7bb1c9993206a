package io.pipelinesgateway.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * The {@code %redact(...)} conversion word of the plain-text log pattern ({@code logback-spring.xml}): it wraps the
 * whole line, stack trace included, so whatever a line holds passes through the {@link Redactor}.
 */
public class RedactingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return Redactor.redact(in);
    }
}

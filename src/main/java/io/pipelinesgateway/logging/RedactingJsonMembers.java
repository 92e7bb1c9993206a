package io.pipelinesgateway.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Passes every string value of a structured (JSON) log line, message, stack trace and MDC fields alike, through the
 * {@link Redactor}; set as {@code logging.structured.json.customizer}, so JSON lines are masked as plain ones are.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Redactor::redact));
    }
}

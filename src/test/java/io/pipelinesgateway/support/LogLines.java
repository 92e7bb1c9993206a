package io.pipelinesgateway.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Records what one logger writes while a test runs, with each line's MDC as it was on the thread that wrote it,
 * which is what a line's request id depends on. Closing it detaches it and restores the logger's level.
 */
public final class LogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One recorded line: its level, its message as written, its MDC, its key-value pairs and its logger. */
    public record Line(Level level, String message, Map<String, String> mdc, Map<String, Object> keyValues,
            String logger) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level previousLevel;

    private LogLines(String loggerName, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        logger.setLevel(level);
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    /** Records the lines {@code loggerName} and the loggers below it write at {@code level} or above. */
    public static LogLines of(String loggerName, Level level) {
        return new LogLines(loggerName, level);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Map<String, Object> keyValues = new LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                keyValues.put(pair.key, pair.value);
            }
        }
        lines.add(new Line(event.getLevel(), event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap()),
                keyValues, event.getLoggerName()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previousLevel);
        stop();
    }
}

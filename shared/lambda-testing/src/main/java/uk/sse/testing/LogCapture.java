package uk.sse.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.logging.JsonLogEncoder;

/**
 * Catches what the functions in this JVM log, encoded exactly as in AWS (the functions' {@link JsonLogEncoder}), to be
 * read back line by line as JSON: {@code mdc}, {@code formattedMessage}, {@code loggerName}, ...
 */
public final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setName("capture-" + System.nanoTime());
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Every line so far, as the log group would hold it. */
    public List<String> lines() {
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Every line so far, read as JSON objects. */
    public List<Map<String, Object>> records(JsonMapper json) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : lines()) {
            try {
                records.add(json.readValue(line, Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON log line: " + line, e);
            }
        }
        return records;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}

package uk.sse.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What is printed on standard output while it is open (and still printed), as Lambda's log agent would read it: the
 * embedded-metric-format lines the functions print there become CloudWatch metrics.
 */
public final class StdoutCapture implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private StdoutCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                copy.write(b, off, len);
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    public static StdoutCapture start() {
        return new StdoutCapture();
    }

    /** The whole lines so far (a line still being printed by another thread is left for the next call). */
    public List<String> lines() {
        String text = copy.toString(StandardCharsets.UTF_8);
        return Arrays.stream(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"))
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** The lines that are embedded-metric-format records. */
    public List<String> metricLines() {
        return lines().stream().filter(l -> l.startsWith("{\"_aws\":")).toList();
    }

    /** The embedded-metric-format records so far, read as JSON objects. */
    public List<Map<String, Object>> metrics(JsonMapper json) {
        return metricLines().stream()
                .map(line -> {
                    try {
                        return json.readValue(line, Argument.mapOf(String.class, Object.class));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a JSON metric line: " + line, e);
                    }
                })
                .toList();
    }

    /** A record's (first) metric definition: its {@code Namespace}, {@code Dimensions} and {@code Metrics}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> definition(Map<String, Object> record) {
        Map<String, Object> aws = (Map<String, Object>) record.get("_aws");
        return ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}

package uk.sse.kernel.metrics;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uk.sse.kernel.correlation.Correlation;

/**
 * Business metrics in CloudWatch's embedded metric format: one JSON line on standard output per observation, which
 * Lambda's log agent turns into metrics without a call to CloudWatch on the request's path (and which stays readable in
 * the log group, with the correlation id of the request that made it). {@link #area} observations are counted per
 * area ({@code Area} dimension) and over all areas (no dimension), so that one alarm covers every area and the
 * dashboard can still show each. Namespace {@value #NAMESPACE}; the names are in docs/operations.md.
 */
@Singleton
public class Metrics implements AreaMetrics {

    public static final String NAMESPACE = "SSE";
    public static final String AREA = "Area";

    private final Clock clock;
    private final JsonMapper json;
    private final Consumer<String> out;

    @jakarta.inject.Inject
    public Metrics(Clock clock, JsonMapper json) {
        this(clock, json, line -> System.out.println(line));
    }

    /** Writing each line to {@code out} instead of standard output. */
    public Metrics(Clock clock, JsonMapper json, Consumer<String> out) {
        this.clock = clock;
        this.json = json;
        this.out = out;
    }

    /** The metrics of one observation in an area: per area and over all areas. */
    @Override
    public void area(String area, Metric... metrics) {
        put(NAMESPACE, Map.of(AREA, area), true, List.of(metrics), Map.of());
    }

    /**
     * The general form: {@code metrics} under {@code namespace} with {@code dimensions} (and with none as well if
     * {@code overall}), and {@code properties} that are only logged (ids to find the observation by, never personal).
     */
    public void put(
            String namespace,
            Map<String, String> dimensions,
            boolean overall,
            List<Metric> metrics,
            Map<String, Object> properties) {
        Map<String, Object> line = new LinkedHashMap<>();
        List<List<String>> sets = new ArrayList<>();
        sets.add(List.copyOf(dimensions.keySet()));
        if (overall && !dimensions.isEmpty()) {
            sets.add(List.of());
        }
        List<Map<String, String>> definitions = metrics.stream()
                .map(m -> Map.of("Name", m.name(), "Unit", m.unit().text()))
                .toList();
        line.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        clock.millis(),
                        "CloudWatchMetrics",
                        List.of(Map.of("Namespace", namespace, "Dimensions", sets, "Metrics", definitions))));
        line.putAll(dimensions);
        metrics.forEach(m -> line.put(m.name(), m.value()));
        line.putAll(properties);
        Correlation.current().ifPresent(id -> line.putIfAbsent(Correlation.KEY, id));
        try {
            out.accept(json.writeValueAsString(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

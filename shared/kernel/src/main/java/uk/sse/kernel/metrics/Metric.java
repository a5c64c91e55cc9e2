package uk.sse.kernel.metrics;

import java.time.Duration;

/** One value of one business metric, as a use case observes it. */
public record Metric(String name, Unit unit, double value) {

    /** CloudWatch's units, as they are spelt in its embedded metric format. */
    public enum Unit {
        COUNT("Count"),
        SECONDS("Seconds"),
        MILLISECONDS("Milliseconds"),
        NONE("None");

        private final String text;

        Unit(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static Metric count(String name) {
        return new Metric(name, Unit.COUNT, 1);
    }

    public static Metric count(String name, long n) {
        return new Metric(name, Unit.COUNT, n);
    }

    public static Metric seconds(String name, Duration d) {
        return new Metric(name, Unit.SECONDS, d.toMillis() / 1000.0);
    }
}

package uk.sse.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads of an envelope's data, the same for every consumer: a member that is missing or of another type is a
 * {@link Unreadable} naming it (never a null that surfaces later); unknown members are ignored.
 */
public final class Fields {

    private final Map<String, Object> data;
    private final String type;

    private Fields(String type, Map<String, Object> data) {
        this.type = type;
        this.data = data == null ? Map.of() : data;
    }

    /** The data of an event of {@code type}, checked to carry a contract version of at least {@code known}. */
    public static Fields of(String type, Map<String, Object> data, int known) {
        return of(type, data, known, 0);
    }

    /**
     * As {@link #of(String, Map, int)}, for a producer whose events were published before they carried a version:
     * data without one is of version {@code absentMeans}.
     */
    public static Fields of(String type, Map<String, Object> data, int known, int absentMeans) {
        Fields fields = new Fields(type, data);
        long version = absentMeans > 0 && fields.data.get(Contract.VERSION) == null
                ? absentMeans
                : fields.whole(Contract.VERSION);
        if (version < known) {
            throw new Unreadable(type + ": contract version " + version + " is older than " + known);
        }
        return fields;
    }

    public String text(String name) {
        if (data.get(name) instanceof String s) {
            return s;
        }
        throw missing(name, "text");
    }

    /** Text or null: a member the contract says may be absent. */
    public String optionalText(String name) {
        return data.get(name) == null ? null : text(name);
    }

    public long whole(String name) {
        Object value = data.get(name);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal d) { // a stored item's number
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                throw missing(name, "whole number");
            }
        }
        if (value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && !Double.isInfinite(n.doubleValue())
                && Math.abs(n.doubleValue()) < 0x1p53) {
            return n.longValue(); // a JSON reader may give a whole number as a decimal
        }
        throw missing(name, "whole number");
    }

    public boolean flag(String name) {
        if (data.get(name) instanceof Boolean b) {
            return b;
        }
        throw missing(name, "boolean");
    }

    /** A list of texts. */
    public List<String> texts(String name) {
        if (data.get(name) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw missing(name, "list of texts");
    }

    /** A list of texts, empty where the member is absent (a stored item leaves an empty list out). */
    public List<String> textsOrNone(String name) {
        return data.get(name) == null ? List.of() : texts(name);
    }

    /** A number, whole or not, or null where the contract says it may be absent. */
    public BigDecimal optionalDecimal(String name) {
        Object value = data.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d);
            }
        } else if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        throw missing(name, "number");
    }

    /** An ISO-8601 instant. */
    public Instant instant(String name) {
        Instant at = optionalInstant(name);
        if (at == null) {
            throw missing(name, "ISO-8601 instant");
        }
        return at;
    }

    /** An ISO-8601 date, or null where the contract says it may be absent. */
    public LocalDate optionalDate(String name) {
        return optional(name, LocalDate::parse, "ISO-8601 date");
    }

    /** An ISO-8601 instant, or null where the contract says it may be absent. */
    public Instant optionalInstant(String name) {
        return optional(name, Instant::parse, "ISO-8601 instant");
    }

    private <T> T optional(String name, Function<String, T> parse, String kind) {
        String text = optionalText(name);
        try {
            return text == null ? null : parse.apply(text);
        } catch (DateTimeParseException e) {
            throw missing(name, kind);
        }
    }

    /** Whole number or null: a member the contract says may be absent. */
    public Long optionalWhole(String name) {
        return data.get(name) == null ? null : whole(name);
    }

    /** A whole number that fits an int. */
    public int count(String name) {
        long value = whole(name);
        if (value != (int) value) {
            throw missing(name, "whole number of at most 2^31");
        }
        return (int) value;
    }

    /** An ISO-8601 date. */
    public LocalDate date(String name) {
        try {
            return LocalDate.parse(text(name));
        } catch (DateTimeParseException e) {
            throw missing(name, "ISO-8601 date");
        }
    }

    /** The members of a nested object, read the same way. */
    public Fields object(String name) {
        if (data.get(name) instanceof Map<?, ?> map) {
            return nested(name, map);
        }
        throw missing(name, "object");
    }

    /** A nested object or null: a member the contract says may be absent. */
    public Fields optionalObject(String name) {
        return data.get(name) == null ? null : object(name);
    }

    /** A list of nested objects. */
    public List<Fields> objects(String name) {
        if (data.get(name) instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return list.stream().map(m -> nested(name, (Map<?, ?>) m)).toList();
        }
        throw missing(name, "list of objects");
    }

    @SuppressWarnings("unchecked")
    private Fields nested(String name, Map<?, ?> map) {
        return new Fields(type + " " + name, (Map<String, Object>) map);
    }

    private Unreadable missing(String name, String kind) {
        return new Unreadable(type + ": " + name + " is not a " + kind);
    }

    /** Data that does not meet its contract. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}

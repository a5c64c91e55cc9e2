package uk.sse.web.forms;

import java.util.List;
import java.util.Map;

/**
 * A submitted form's values by field, as text (a checkbox group's as a list). The web converts nothing but the shape
 * of what was typed; what is allowed is the API's to say.
 */
public record Form(Map<String, List<String>> values) {

    public static Form of(Map<String, List<String>> values) {
        return new Form(values == null ? Map.of() : values);
    }

    /** A form body as Micronaut binds it: each value a text, or a list of texts for a field sent more than once. */
    public static Form ofBody(Map<String, Object> body) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        if (body != null) {
            body.forEach((field, value) -> values.put(
                    field,
                    value instanceof java.util.Collection<?> many
                            ? many.stream()
                                    .map(v -> v == null ? "" : v.toString())
                                    .toList()
                            : List.of(value == null ? "" : value.toString())));
        }
        return new Form(values);
    }

    /** The field's text, trimmed; empty if absent. */
    public String text(String field) {
        List<String> v = values.get(field);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
    }

    /** A GOV.UK date input's date ({@code id-day}, {@code id-month}, {@code id-year}), if it is a real one. */
    public java.util.Optional<java.time.LocalDate> date(String id) {
        return date(text(id + "-day"), text(id + "-month"), text(id + "-year"));
    }

    /** The date of a day, month and year as typed, if they are whole numbers that make a real date. */
    public static java.util.Optional<java.time.LocalDate> date(String day, String month, String year) {
        if (!day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}") || !year.matches("[0-9]{4}")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(
                    java.time.LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (java.time.DateTimeException notADate) {
            return java.util.Optional.empty();
        }
    }

    public List<String> list(String field) {
        List<String> v = values.get(field);
        return v == null
                ? List.of()
                : v.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .toList();
    }
}

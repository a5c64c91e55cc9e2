package uk.sse.web.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A form's errors, in the order of its fields: the GOV.UK error summary lists them (each linking to its field, whose
 * id is the field's name) and each field shows its own message above the input.
 */
public final class Errors {

    /** One error: the form field it belongs to (empty for the form as a whole) and what to do about it. */
    public record Error(String field, String message) {
        public String href() {
            return field.isEmpty() ? "#main-content" : "#" + field;
        }
    }

    private final List<Error> errors = new ArrayList<>();

    public static Errors none() {
        return new Errors();
    }

    public Errors add(String field, String message) {
        if (forField(field).isEmpty() || field.isEmpty()) {
            errors.add(new Error(field, message));
        }
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        return forField(field).isPresent();
    }

    public Optional<String> forField(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(Error::message)
                .findFirst();
    }

    /** The message for the field, or null (templates print nothing for null). */
    public String message(String field) {
        return forField(field).orElse(null);
    }

    public List<Error> list() {
        return Collections.unmodifiableList(errors);
    }

    /** The errors sorted into the order the fields appear on the form (unknown fields last). */
    public Errors ordered(List<String> fields) {
        Errors sorted = new Errors();
        errors.stream()
                .sorted(java.util.Comparator.comparingInt(e -> {
                    int at = fields.indexOf(e.field());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .forEach(sorted.errors::add);
        return sorted;
    }
}

package uk.sse.web.forms;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sse.kernel.problem.Problem;

/**
 * An API's refusal as a form's errors: each field the problem names ({@code /need}, {@code /areasOfSupport/1},
 * {@code /contact/email}, {@code maxPrice}) is put on the form field that holds it, with a message in GOV.UK's words
 * ("Enter...", "... must be 365 or fewer"). A problem naming no field of the form is shown at the top of the form.
 */
public final class ProblemMessages {

    private static final Pattern MAX = Pattern.compile("must be less than or equal to ([0-9.]+)");
    private static final Pattern MIN = Pattern.compile("must be greater than or equal to ([0-9.]+)");
    private static final Pattern SIZE = Pattern.compile("size must be between ([0-9]+) and ([0-9]+)");

    private ProblemMessages() {}

    /** One form field: its id and how it is named in messages ("the need", "Days wanted"). */
    public record Field(String id, String label) {}

    /**
     * The problem's errors on the form's fields. {@code fields} maps the API's field (its path without the leading
     * slash, up to the first index: {@code areasOfSupport}, {@code contact/email}) to the form field.
     */
    public static Errors of(Problem problem, Map<String, Field> fields, String whole) {
        Errors errors = Errors.none();
        if (problem.errors() != null) {
            for (Problem.FieldError e : problem.errors()) {
                Field field = fields.get(key(e.field()));
                if (field != null) {
                    errors.add(field.id(), message(field.label(), e.message()));
                } else {
                    errors.add("", sentence(e.message()));
                }
            }
        }
        if (!errors.any()) {
            errors.add("", problem.detail() == null || problem.detail().isBlank() ? whole : sentence(problem.detail()));
        }
        return errors;
    }

    /** {@code /areasOfSupport/1} as {@code areasOfSupport}; {@code /contact/email} as {@code contact/email}. */
    public static String key(String field) {
        String f = field == null ? "" : field.startsWith("/") ? field.substring(1) : field;
        return f.replaceAll("/[0-9]+(/.*)?$", "");
    }

    /** The API's message in GOV.UK's words, naming the field. */
    static String message(String label, String apiMessage) {
        String m = apiMessage == null ? "" : apiMessage.strip();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()
                || lower.contains("must not be blank")
                || lower.contains("must not be null")
                || lower.contains("must not be empty")
                || lower.contains("is required")) {
            return "Enter " + lowerFirst(label);
        }
        Matcher max = MAX.matcher(lower);
        if (max.find()) {
            return label + " must be " + whole(max.group(1)) + " or fewer";
        }
        Matcher min = MIN.matcher(lower);
        if (min.find()) {
            return label + " must be " + whole(min.group(1)) + " or more";
        }
        Matcher size = SIZE.matcher(lower);
        if (size.find()) {
            return label + " must be " + size.group(2) + " characters or fewer";
        }
        return label + ": " + m;
    }

    private static String whole(String number) {
        return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}

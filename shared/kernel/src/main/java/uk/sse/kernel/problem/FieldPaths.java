package uk.sse.kernel.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns framework paths and messages into the field names a client sent, e.g. {@code /contact/email}. */
public final class FieldPaths {

    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) \\[(?:[\\w.<>?, ]+ )?([\\w$]+)\\]");
    private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]+)\\]");

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern KEY = Pattern.compile("\"((?:[^\"\\\\]|\\\\.){1,100})\"\\s*:");

    private FieldPaths() { }

    /** A body property's path from a constraint violation, or the parameter's name for a query or path value. */
    public static String of(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    field.append('/').append(node.getName());
                }
                if (node.getIndex() != null) {
                    field.append('/').append(node.getIndex());
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    /** Micronaut reports paths as {@code method.parameter.property}; keep what the client knows. */
    public static String fromFramework(String path) {
        return path;
    }

    /**
     * The key whose value the parser was reading when it failed, found from the error's line and column in
     * the body the client sent: the parser does not report the property, only where it stopped.
     */
    public static String atLocation(String message, String body) {
        if (message == null || body == null) {
            return null;
        }
        Matcher at = LOCATION.matcher(message);
        if (!at.find()) {
            return null;
        }
        int line = Integer.parseInt(at.group(1));
        int column = Integer.parseInt(at.group(2));
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = body.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return null;
            }
        }
        int end = Math.min(body.length(), offset + Math.max(0, column - 1));
        Matcher key = KEY.matcher(body.substring(0, end));
        String last = null;
        while (key.find()) {
            last = key.group(1);
        }
        return last == null ? null : "/" + last;
    }

    /** The property a serde error message names, such as {@code Unknown property [colour]}. */
    public static String fromSerdeMessage(String message) {
        if (message == null) {
            return null;
        }
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            return "/" + unknown.group(1);
        }
        // each wrapping exception repeats its cause's text: the first line that names properties has the whole path
        for (String line : message.split("\n")) {
            Matcher property = PROPERTY.matcher(line);
            StringBuilder path = new StringBuilder();
            while (property.find()) {
                path.append('/').append(property.group(1));
            }
            if (!path.isEmpty()) {
                return path.toString();
            }
        }
        return null;
    }
}

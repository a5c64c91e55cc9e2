package uk.sse.kernel.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns framework paths and messages into the field names a client sent, e.g. {@code /contact/email}. */
public final class FieldPaths {

    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) \\[(?:[\\w.<>?, ]+ )?([\\w$]+)\\]");
    private static final Pattern UNKNOWN = Pattern.compile(
            "Unknown property \\[([^\\]]+)\\](?: encountered during deserialization of type: ([^\\n]+))?");

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private FieldPaths() {}

    /** A body property's path from a constraint violation, or the parameter's name for a query or path value. */
    public static String of(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY && node.isInIterable() && node.getIndex() != null) {
                // a property of a list's element: the index is the element's, so it comes first (/offers/0/days)
                field.append('/').append(node.getIndex()).append('/').append(node.getName());
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

    /**
     * The path of the member whose value the parser was reading when it failed, e.g. {@code /contact/email}, found
     * from the error's line and column in the body the client sent: the parser does not report the property, only
     * where it stopped. The column is Jackson's for a body read as bytes, which counts UTF-8 bytes, not characters.
     * A bad element of an array of plain values is named by its array.
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
        for (int l = 1; l < line; l++) {
            offset = nextLine(body, offset);
            if (offset < 0) {
                return null;
            }
        }
        return JsonScan.pathAt(body, offset + charsIn(body, offset, Math.max(0, column - 1)));
    }

    /** Where the line after the one starting at {@code from} starts, or -1; a line ends with LF, CR LF or CR. */
    private static int nextLine(String body, int from) {
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < body.length() && body.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    /** How many characters from {@code from} make up {@code bytes} bytes of UTF-8, stopping at the end of the line. */
    private static int charsIn(String body, int from, int bytes) {
        int i = from;
        int counted = 0;
        while (i < body.length() && counted < bytes && body.charAt(i) != '\n' && body.charAt(i) != '\r') {
            int codePoint = body.codePointAt(i);
            counted += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            i += Character.charCount(codePoint);
        }
        return i - from;
    }

    /** The property a serde error message names, such as {@code Unknown property [colour]}. */
    public static String fromSerdeMessage(String message) {
        return fromSerdeMessage(message, null);
    }

    /**
     * The property a serde error message names, with the body the client sent to place it: an unknown property's
     * message names only the key and the type it was found in (e.g. {@code ContactBody contact}), so the body is
     * searched for that key inside a member of that name, giving {@code /contact/colour}.
     */
    public static String fromSerdeMessage(String message, String body) {
        if (message == null) {
            return null;
        }
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            String key = unknown.group(1);
            String fallback = "/" + escape(key);
            if (body == null) {
                return fallback;
            }
            String[] type = unknown.group(2) == null
                    ? new String[0]
                    : unknown.group(2).trim().split(" ");
            String parent = type.length > 1 ? type[type.length - 1] : null;
            List<List<String>> found = JsonScan.membersNamed(body, key);
            return found.stream()
                    .filter(path -> parent != null && parent.equals(lastKeyBefore(path)))
                    .findFirst()
                    .or(() -> found.stream().filter(path -> path.size() == 1).findFirst())
                    .map(FieldPaths::pointer)
                    .orElse(fallback);
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

    /** The member name a path's last segment sits in, skipping array indices. */
    private static String lastKeyBefore(List<String> path) {
        for (int i = path.size() - 2; i >= 0; i--) {
            if (!path.get(i).chars().allMatch(Character::isDigit)) {
                return path.get(i);
            }
        }
        return null;
    }

    private static String pointer(List<String> segments) {
        StringBuilder pointer = new StringBuilder();
        segments.forEach(segment -> pointer.append('/').append(escape(segment)));
        return pointer.toString();
    }

    /** A member name as a JSON Pointer segment (RFC 6901): {@code ~} and {@code /} are escaped. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Reads the structure of a JSON text, leniently (it may be cut short or malformed), keeping the path to the
     * member being read: the key of each open object and the index in each open array. Linear in the text whatever its
     * shape: the path is changed in place, copied only for a member asked for (at most {@value #MAX_FOUND} of them),
     * and not followed below {@value #MAX_DEPTH} levels, where a field is not worth naming.
     */
    private static final class JsonScan {

        static final int MAX_DEPTH = 64;
        static final int MAX_FOUND = 16;

        /** One slot per open object or array: the object's current key (null until read), or the array's index. */
        private final List<Object> path = new ArrayList<>();

        private final List<Boolean> expectingKey = new ArrayList<>();

        /** The path at {@code end}; an array's index is kept only where a key inside that element follows. */
        static String pathAt(String body, int end) {
            JsonScan scan = new JsonScan();
            scan.walk(body, end, null);
            List<Object> open = new ArrayList<>(scan.path);
            open.removeIf(segment -> segment == null);
            while (!open.isEmpty() && open.getLast() instanceof Integer) {
                open.removeLast();
            }
            return open.isEmpty()
                    ? null
                    : pointer(open.stream().map(String::valueOf).toList());
        }

        /** The paths of the first {@value #MAX_FOUND} members with this key, in the order they appear. */
        static List<List<String>> membersNamed(String body, String key) {
            List<List<String>> found = new ArrayList<>();
            JsonScan scan = new JsonScan();
            scan.walk(body, body.length(), name -> {
                if (key.equals(name) && found.size() < MAX_FOUND) {
                    found.add(scan.path.stream().map(String::valueOf).toList()); // copied only for a match
                }
            });
            return found;
        }

        /**
         * Reads up to {@code end}, telling {@code onKey} each member's key as it is read (the path to it is
         * {@link #path} then). Members nested below {@value #MAX_DEPTH} levels are skipped over.
         */
        private void walk(String body, int end, Consumer<String> onKey) {
            int i = 0;
            int skipped = 0; // levels open below MAX_DEPTH, not followed
            while (i < end) {
                char c = body.charAt(i);
                if (c == '"') {
                    StringBuilder text = skipped > 0 ? null : new StringBuilder();
                    i = readString(body, i + 1, end, text);
                    if (skipped == 0 && isObject() && expectingKey.getLast()) {
                        path.set(path.size() - 1, text.toString());
                        expectingKey.set(expectingKey.size() - 1, false);
                        if (onKey != null) {
                            onKey.accept(text.toString());
                        }
                    }
                    continue;
                }
                if ((c == '{' || c == '[') && (skipped > 0 || path.size() >= MAX_DEPTH)) {
                    skipped++;
                } else if ((c == '}' || c == ']') && skipped > 0) {
                    skipped--;
                } else if (skipped > 0) {
                    // inside what is not followed: nothing to track
                    i++;
                    continue;
                } else if (c == '{') {
                    path.add(null);
                    expectingKey.add(true);
                } else if (c == '[') {
                    path.add(0);
                    expectingKey.add(false);
                } else if ((c == '}' || c == ']') && !path.isEmpty()) {
                    path.removeLast();
                    expectingKey.removeLast();
                } else if (c == ',' && !path.isEmpty()) {
                    if (isObject()) {
                        path.set(path.size() - 1, null);
                        expectingKey.set(expectingKey.size() - 1, true);
                    } else {
                        path.set(path.size() - 1, (Integer) path.getLast() + 1);
                    }
                }
                i++;
            }
        }

        private boolean isObject() {
            return !path.isEmpty() && !(path.getLast() instanceof Integer);
        }

        /**
         * Reads a string's content from just after its opening quote into {@code text} (null: only skip it); returns
         * the index after its closing quote.
         */
        private static int readString(String body, int i, int end, StringBuilder text) {
            while (i < end) {
                char c = body.charAt(i);
                if (c == '"') {
                    return i + 1;
                }
                if (text == null) {
                    i += c == '\\' && i + 1 < end ? 2 : 1;
                    continue;
                }
                if (c == '\\' && i + 1 < end) {
                    char escaped = body.charAt(i + 1);
                    if (escaped == 'u' && i + 5 < end && isHex(body, i + 2, i + 6)) {
                        text.append((char) Integer.parseInt(body.substring(i + 2, i + 6), 16));
                        i += 6;
                        continue;
                    }
                    text.append(
                            switch (escaped) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                case 'b' -> '\b';
                                case 'f' -> '\f';
                                default -> escaped;
                            });
                    i += 2;
                    continue;
                }
                text.append(c);
                i++;
            }
            return end;
        }

        private static boolean isHex(String body, int from, int to) {
            for (int i = from; i < to; i++) {
                if (Character.digit(body.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}

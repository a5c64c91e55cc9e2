package uk.sse.kernel.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.sse.kernel.text.FreeText;

/**
 * What every JSON body must be before anything binds it, checked in one streaming pass, linear in its size: UTF-8, one
 * JSON value and nothing after it, nested at most {@value #MAX_DEPTH} levels, at most {@value #MAX_MEMBERS} members and
 * elements, and every key and string keeping the free-text rule ({@link FreeText}; line breaks are left to each field's
 * own rule). A refusal names the member where it was found, as a JSON pointer.
 */
public final class JsonEdge {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_MEMBERS = 20_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // our own limit names the path; Jackson's is a backstop
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .build())
            .build();

    private JsonEdge() {}

    /** Why the body is refused: the field (a JSON pointer, or {@code body}) and what is wrong there. */
    public record Refusal(String field, String message) {}

    public static Optional<Refusal> check(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return Optional.of(new Refusal("body", "is not UTF-8 text"));
        }
        Path path = new Path();
        try (JsonParser parser = FACTORY.createParser(text)) {
            int members = 0;
            boolean rootDone = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (rootDone) {
                    return Optional.of(new Refusal("body", "has more after its JSON value: send one JSON value"));
                }
                switch (token) {
                    case FIELD_NAME -> {
                        path.key(parser.currentName());
                        Optional<String> bad = FreeText.problemWith(parser.currentName(), false);
                        if (bad.isPresent()) {
                            return Optional.of(new Refusal(path.pointer(), "the member's name " + bad.get()));
                        }
                        continue;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        path.value();
                        if (++members > MAX_MEMBERS) {
                            return Optional.of(new Refusal(
                                    path.pointer(), "the body has more than " + MAX_MEMBERS + " members and elements"));
                        }
                        if (path.depth() == MAX_DEPTH) {
                            return Optional.of(
                                    new Refusal(path.pointer(), "is nested deeper than " + MAX_DEPTH + " levels"));
                        }
                        path.open(token == JsonToken.START_ARRAY);
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.close();
                        rootDone = path.depth() == 0;
                        continue;
                    }
                    default -> {
                        path.value();
                        if (++members > MAX_MEMBERS) {
                            return Optional.of(new Refusal(
                                    path.pointer(), "the body has more than " + MAX_MEMBERS + " members and elements"));
                        }
                        if (token == JsonToken.VALUE_STRING) {
                            Optional<String> bad = FreeText.problemWith(parser.getText(), true);
                            if (bad.isPresent()) {
                                return Optional.of(new Refusal(path.pointer(), bad.get()));
                            }
                        }
                        rootDone = path.depth() == 0;
                    }
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException malformed) {
            return Optional.of(new Refusal(path.pointer(), "is not well-formed JSON: " + reason(malformed)));
        } catch (IOException unreadable) {
            return Optional.of(new Refusal("body", "could not be read"));
        }
    }

    /** The parser's own words without its location or excerpt of the input (the field is named instead). */
    private static String reason(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "unexpected input" : e.getOriginalMessage();
        int cut = original.indexOf(':');
        String head = (cut > 0 ? original.substring(0, cut) : original).strip();
        head = head.replaceAll("\\(code \\d+\\)", "")
                .replaceAll("[\\p{Cntrl}]", "?")
                .strip();
        return head.length() > 120 ? head.substring(0, 120) : head;
    }

    /** The open objects and arrays: each a key (object) or an index (array). Mutated in place: the scan stays linear. */
    private static final class Path {
        private final List<Object> frames = new ArrayList<>();

        int depth() {
            return frames.size();
        }

        void open(boolean array) {
            frames.add(array ? Integer.valueOf(-1) : null);
        }

        void close() {
            if (!frames.isEmpty()) {
                frames.removeLast();
            }
        }

        void key(String name) {
            frames.set(frames.size() - 1, name);
        }

        /** A value starts: in an array, the next index. */
        void value() {
            if (!frames.isEmpty() && frames.getLast() instanceof Integer index) {
                frames.set(frames.size() - 1, index + 1);
            }
        }

        String pointer() {
            StringBuilder pointer = new StringBuilder();
            for (Object frame : frames) {
                if (frame != null) {
                    pointer.append('/')
                            .append(frame.toString().replace("~", "~0").replace("/", "~1"));
                }
            }
            return pointer.isEmpty() ? "body" : pointer.toString();
        }
    }
}

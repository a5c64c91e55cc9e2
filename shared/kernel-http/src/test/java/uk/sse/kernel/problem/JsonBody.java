package uk.sse.kernel.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A generated JSON object written out as text, with where each plain value ends and the path a client would
 * expect an error there to name: the keys down to it, an array's index only where a member inside it follows.
 */
record JsonBody(String text, List<Leaf> leaves) {

    record Leaf(int end, String path) {}

    private static final String CHARS = "abcXYZ09 _-:,{}[]\"\\/~\u00e9\u00df\u20ac\u4e2d\ud83d\ude00\n\t";

    static Arbitrary<JsonBody> arbitrary() {
        return Arbitraries.integers()
                .between(0, 2)
                .flatMap(depth -> object(depth))
                .flatMap(tree -> Arbitraries.of(true, false).map(pretty -> write(tree, pretty)));
    }

    private static Arbitrary<String> someText() {
        // code points, not chars, so an emoji is never split into half a surrogate pair
        return Arbitraries.of(CHARS.codePoints().mapToObj(Character::toString).toList())
                .list()
                .ofMaxSize(8)
                .map(parts -> String.join("", parts));
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> plain = Arbitraries.oneOf(someText(), Arbitraries.longs(), Arbitraries.of(true, false));
        if (depth == 0) {
            return plain;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, plain),
                net.jqwik.api.Tuple.of(1, object(depth - 1)),
                net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(list -> (Object) list)));
    }

    private static Arbitrary<Object> object(int depth) {
        return Arbitraries.maps(someText().filter(k -> !k.isEmpty()), value(depth))
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(map -> (Object) new LinkedHashMap<>(map));
    }

    private static JsonBody write(Object tree, boolean pretty) {
        StringBuilder out = new StringBuilder();
        List<Leaf> leaves = new ArrayList<>();
        write(tree, new ArrayList<>(), pretty, out, leaves);
        return new JsonBody(out.toString(), leaves);
    }

    private static void write(Object value, List<Object> path, boolean pretty, StringBuilder out, List<Leaf> leaves) {
        String newline = pretty ? "\n" + "  ".repeat(path.size() + 1) : "";
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String comma = "";
            for (Map.Entry<?, ?> member : map.entrySet()) {
                out.append(comma).append(newline);
                quote((String) member.getKey(), out);
                out.append(pretty ? ": " : ":");
                path.add(member.getKey());
                write(member.getValue(), path, pretty, out, leaves);
                path.removeLast();
                comma = ",";
            }
            out.append(pretty ? "\n" + "  ".repeat(path.size()) : "").append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : pretty ? ", " : ",");
                path.add(i);
                write(list.get(i), path, pretty, out, leaves);
                path.removeLast();
            }
            out.append(']');
        } else {
            if (value instanceof String s) {
                quote(s, out);
            } else {
                out.append(value);
            }
            leaves.add(new Leaf(out.length(), expectedPath(path)));
        }
    }

    private static String expectedPath(List<Object> path) {
        int last = path.size();
        while (last > 0 && path.get(last - 1) instanceof Integer) {
            last--;
        }
        StringBuilder pointer = new StringBuilder();
        for (Object segment : path.subList(0, last)) {
            pointer.append('/')
                    .append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}

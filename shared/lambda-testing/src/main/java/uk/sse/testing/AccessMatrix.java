package uk.sse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The role × endpoint tables of docs/architecture.md ("Who may do what"), read as the tests' own list of denials: a
 * function's test sends, for every ✗, that endpoint's request as that column's caller and expects a refusal. So the
 * documented matrix and the code cannot part without the build failing.
 */
public final class AccessMatrix {

    /** The columns, in the tables' order. */
    public static final List<String> COLUMNS =
            List.of("ADVISER", "BROKER", "school", "provider", "ASSURER", "COMMISSIONER", "ADMIN", "service");

    private AccessMatrix() {}

    /** One refused cell: the endpoint as the table writes it (backticks and all) and the column. */
    public record Denial(String endpoint, String column) {
        @Override
        public String toString() {
            return column + " on " + endpoint;
        }
    }

    /** Every ✗ of the function's table ({@code #### <function>}). */
    public static List<Denial> denials(String function) {
        List<String> lines = lines();
        int at = lines.indexOf("#### " + function);
        if (at < 0) {
            throw new IllegalStateException("docs/architecture.md has no access table for " + function);
        }
        List<Denial> denials = new ArrayList<>();
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() && !denials.isEmpty() || line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| endpoint")) {
                continue;
            }
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::strip)
                    .toList();
            if (cells.size() != COLUMNS.size() + 1) {
                throw new IllegalStateException(
                        "a row of the " + function + " table has " + cells.size() + " cells: " + line);
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (cells.get(c + 1).equals("✗")) {
                    denials.add(new Denial(cells.get(0), COLUMNS.get(c)));
                }
            }
        }
        return denials;
    }

    private static List<String> lines() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/architecture.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/architecture.md above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readAllLines(dir.resolve("docs/architecture.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package uk.sse.directory.register;

import java.util.List;
import java.util.Objects;

/** The outcome of reading a GIAS establishment file: either refused as a whole, or parsed row by row. */
public sealed interface GiasParse {

    /** The file cannot be imported at all, for example because it has no URN column. */
    record Refused(String reason) implements GiasParse {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The file was read.
     *
     * @param rows      the schools, in file order
     * @param rejected  the rows that were not imported, in file order
     * @param linesRead the data rows read, not counting the header or blank lines; always
     *                  {@code rows.size() + rejected.size()}
     */
    record Parsed(List<School> rows, List<RejectedRow> rejected, int linesRead) implements GiasParse {
        public Parsed {
            rows = List.copyOf(rows);
            rejected = List.copyOf(rejected);
        }
    }
}

package uk.sse.directory.imports;

import java.util.Objects;

/**
 * A data row of an imported file that was not applied.
 *
 * @param line   the row's number as a spreadsheet shows it: the header is line 1
 * @param key    what identifies the row in its kind of file (a school's URN), as written, if it had one
 * @param reason why, in words the person who sent the file can act on
 */
public record Rejection(long line, String key, String reason) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
    }
}

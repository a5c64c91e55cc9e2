package uk.sse.directory.register;

import java.util.Objects;

/**
 * A data row of a GIAS file that was not imported.
 *
 * @param line   the row's number as a spreadsheet shows it: the header is line 1
 * @param urn    the URN as written in the row, null if it had none (shortened if absurdly long)
 * @param reason why the row was not imported, in words a user can act on
 */
public record RejectedRow(long line, String urn, String reason) {

    public RejectedRow {
        Objects.requireNonNull(reason, "reason");
    }
}

package uk.sse.directory.register;

/**
 * A row of a postcode file that was not imported, and why.
 *
 * @param line     the row's number as a spreadsheet shows it: the header is line 1
 * @param postcode the postcode as written, shortened if absurdly long
 */
public record RejectedPostcode(long line, String postcode, String reason) {}

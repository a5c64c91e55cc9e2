package uk.sse.web.commissioning;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A commissioner's allocation sheet: CSV lines of a school's URN and a whole number of credits, with or without a
 * {@code URN,amount} header. Read with Commons CSV; every line is checked and each bad one named with its line number
 * and why, so the whole sheet is either good or refused.
 */
public final class AllocationSheet {

    /** The most lines one sheet may have; an area has a few hundred schools. */
    public static final int MAX_LINES = 2_000;
    /** The ledger's largest allocation. */
    public static final long MAX_AMOUNT = 1_000_000_000L;

    private static final String URN = "[0-9]{6,7}";

    private AllocationSheet() {}

    /** A good line: the school by URN and the credits to give it. */
    public record Line(long number, String urn, long amount) {}

    /** A bad line and why (line 0 for the sheet as a whole). */
    public record Problem(long number, String reason) {
        public String message() {
            return number == 0 ? reason : "Line " + number + ": " + reason;
        }
    }

    /** The sheet's lines, or every problem found in it. */
    public record Read(List<Line> lines, List<Problem> problems) {
        public boolean good() {
            return problems.isEmpty() && !lines.isEmpty();
        }

        public long total() {
            return lines.stream().mapToLong(Line::amount).sum();
        }
    }

    public static Read read(String text) {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(text == null ? "" : text),
                CSVFormat.RFC4180
                        .builder()
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .build())) {
            for (CSVRecord r : parser) {
                long n = parser.getCurrentLineNumber();
                if (lines.size() + problems.size() >= MAX_LINES) {
                    problems.add(new Problem(
                            0, "The file has more than " + MAX_LINES + " lines. Split it into smaller files"));
                    break;
                }
                if (r.size() == 1 && r.get(0).isEmpty()
                        || r.getRecordNumber() == 1 && r.get(0).equalsIgnoreCase("urn")) {
                    continue;
                }
                String urn = r.get(0);
                String amount = r.size() > 1 ? r.get(1) : "";
                if (r.size() != 2) {
                    problems.add(new Problem(n, "must have 2 values, a URN and an amount, but has " + r.size()));
                } else if (!urn.matches(URN)) {
                    problems.add(new Problem(n, "\"" + shown(urn) + "\" is not a URN: a URN is 6 or 7 digits"));
                } else if (!amount.matches("[0-9]{1,10}")
                        || Long.parseLong(amount) < 1
                        || Long.parseLong(amount) > MAX_AMOUNT) {
                    problems.add(new Problem(
                            n,
                            "\"" + shown(amount)
                                    + "\" is not an amount: give a whole number of credits from 1 to 1,000,000,000"));
                } else if (seen.containsKey(urn)) {
                    problems.add(new Problem(
                            n, "URN " + urn + " is already on line " + seen.get(urn) + ". Give each school one line"));
                } else {
                    seen.put(urn, n);
                    lines.add(new Line(n, urn, Long.parseLong(amount)));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.add(new Problem(
                    0, "The file could not be read as CSV (" + rootMessage(e) + "). Save it as CSV and try again"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "The file has no lines. Give a URN and an amount on each line"));
        }
        return new Read(List.copyOf(lines), List.copyOf(problems));
    }

    private static String shown(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

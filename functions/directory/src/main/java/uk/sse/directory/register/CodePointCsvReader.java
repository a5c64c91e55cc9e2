package uk.sse.directory.register;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.sse.directory.model.GeoPoint;

/**
 * Streams OS Code-Point Open in the forms people get it, and hands over one {@link PostcodeSector} at a time, so that the
 * 1.7 million rows of Great Britain never sit in memory together:
 * <ul>
 *   <li>one CSV with a header row naming postcode, easting and northing among other columns (as in
 *       ../shared/data/postcodes), plain or gzipped;
 *   <li>OS's own distribution, a zip of one CSV per postcode area ({@code Data/CSV/ab.csv} ...) without a header, whose
 *       column order {@code Doc/Code-Point_Open_Column_Headers.csv} gives (postcode, quality, easting, northing, ...:
 *       that order is assumed if the zip lists the data first).
 * </ul>
 * A sector's rows must come together (each of OS's files is sorted by postcode). A row that cannot be read is rejected
 * with its line and reason; a file without the columns is refused. Lines are counted as a spreadsheet would in one CSV
 * (the header is line 1) and through a zip's data files in order (its first data row is line 1); a rejected row of a
 * zip names its file. British National Grid coordinates become WGS84 as the register's do.
 */
public final class CodePointCsvReader {

    static final String POSTCODE = "postcode";
    static final String EASTING = "easting";
    static final String NORTHING = "northing";
    /** Enough of a licence document for its attribution lines (OS's licence.txt is about 2 KB). */
    static final int LICENCE_READ = 64 * 1024;

    /** What becomes of the rows. */
    public interface Sink {
        /** A whole sector, whose last row is on {@code lastLine}: every row up to it has been handed over. */
        void sector(PostcodeSector sector, long lastLine);

        void rejected(RejectedPostcode row);
    }

    /** The file as a whole: read (with the rows it held), or refused. */
    public sealed interface Result permits Read, Refused {}

    /** Every row read; {@code release} as the file's own licence credits it (OS's zip, in {@code Doc/}), if it does. */
    public record Read(long rows, Optional<PostcodeRelease> release) implements Result {}

    public record Refused(String reason) implements Result {}

    private CodePointCsvReader() {}

    /**
     * Reads a whole file, streaming; the stream is not closed.
     *
     * @throws UncheckedIOException only if reading the stream itself fails
     */
    public static Result read(InputStream in, Sink sink) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            return switch (magic(buffered)) {
                case ZIP -> readZip(new ZipInputStream(buffered, StandardCharsets.UTF_8), sink);
                case GZIP -> readCsv(new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16), sink);
                case PLAIN -> readCsv(buffered, sink);
            };
        } catch (UncheckedIOException e) { // how the record iterator reports read errors
            return refuseOrRethrow(e.getCause());
        } catch (IOException e) {
            return refuseOrRethrow(e);
        }
    }

    /** One CSV whose header names the columns. */
    private static Result readCsv(InputStream csv, Sink sink) throws IOException {
        Iterator<CSVRecord> records = records(csv);
        if (!records.hasNext()) {
            return new Refused("the file is empty");
        }
        CSVRecord header = records.next();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT).replace("\ufeff", ""), i);
        }
        List<String> missing = List.of(POSTCODE, EASTING, NORTHING).stream()
                .filter(c -> !columns.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            return new Refused(
                    "the header has no " + String.join(", ", missing) + " column; is this an OS Code-Point Open file?");
        }
        Rows rows = new Rows(sink, new Columns(columns.get(POSTCODE), columns.get(EASTING), columns.get(NORTHING)), 1);
        rows.readAll(records, null);
        return rows.done(Optional.empty());
    }

    /**
     * OS's zip: the column headers' document, the licence (a text document whose lines credit the release), and the
     * data files without a header, read in the zip's order.
     */
    private static Result readZip(ZipInputStream zip, Sink sink) throws IOException {
        Rows rows = new Rows(sink, Columns.OS_ORDER, 0);
        boolean anyData = false;
        Optional<PostcodeRelease> release = Optional.empty();
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean doc = lower.contains("/doc/") || lower.startsWith("doc/");
            if (doc && lower.endsWith(".txt") && release.isEmpty()) {
                release = PostcodeRelease.fromLicence(new String(zip.readNBytes(LICENCE_READ), StandardCharsets.UTF_8));
                continue;
            }
            if (entry.isDirectory() || !lower.endsWith(".csv")) {
                continue;
            }
            Iterator<CSVRecord> records = records(new NotClosing(zip));
            if (lower.endsWith("column_headers.csv")) {
                rows.columns = Columns.fromHeaders(records).orElse(rows.columns);
            } else if (!doc) {
                anyData = true;
                rows.readAll(records, name);
            }
        }
        return anyData ? rows.done(release) : new Refused("the zip has no CSV of postcodes; is it OS Code-Point Open?");
    }

    private static Iterator<CSVRecord> records(InputStream in) throws IOException {
        return CSVFormat.RFC4180
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                .iterator();
    }

    /** Where the postcode, easting and northing are in a row. */
    private record Columns(int postcode, int easting, int northing) {
        /** Code-Point Open's documented order: PC, PQ, EA, NO, CY, RH, LH, CC, DC, WC. */
        static final Columns OS_ORDER = new Columns(0, 2, 3);

        /** From the headers' document, one row of codes (PC, EA, NO) and one of names (Postcode, Eastings, Northings). */
        static Optional<Columns> fromHeaders(Iterator<CSVRecord> rows) {
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                int pc = -1;
                int ea = -1;
                int no = -1;
                for (int i = 0; i < row.size(); i++) {
                    switch (row.get(i).strip().toLowerCase(Locale.ROOT).replace("\ufeff", "")) {
                        case "pc", "postcode" -> pc = i;
                        case "ea", "eastings", "easting" -> ea = i;
                        case "no", "northings", "northing" -> no = i;
                        default -> {}
                    }
                }
                if (pc >= 0 && ea >= 0 && no >= 0) {
                    return Optional.of(new Columns(pc, ea, no));
                }
            }
            return Optional.empty();
        }
    }

    /** The data rows of a file, or of a zip's files one after another, grouped into sectors. */
    private static final class Rows {
        private final Grouping grouping;
        private final Sink sink;
        private final long headerLines;
        private Columns columns;
        private long line;

        Rows(Sink sink, Columns columns, long headerLines) {
            this.sink = sink;
            this.grouping = new Grouping(sink);
            this.columns = columns;
            this.headerLines = headerLines;
            this.line = headerLines;
        }

        void readAll(Iterator<CSVRecord> records, String file) {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line++;
                String typed = field(record, columns.postcode());
                var postcode = Postcode.parse(typed);
                if (postcode.isEmpty()) {
                    sink.rejected(new RejectedPostcode(line, shorten(typed), in(file, record, "not a postcode")));
                    continue;
                }
                var point = point(field(record, columns.easting()), field(record, columns.northing()));
                if (point == null) {
                    sink.rejected(new RejectedPostcode(
                            line, postcode.get().toString(), in(file, record, "no usable easting and northing")));
                    continue;
                }
                grouping.add(line, postcode.get(), point);
            }
        }

        Result done(Optional<PostcodeRelease> release) {
            grouping.flush();
            return new Read(line - headerLines, release);
        }

        private static String in(String file, CSVRecord record, String reason) {
            return file == null ? reason : reason + " (" + file + ", line " + record.getRecordNumber() + ")";
        }
    }

    // Broken CSV or a broken gzip is bad data; any other I/O failure is not the file's fault.
    private static Result refuseOrRethrow(IOException e) {
        if (e instanceof CSVException
                || e instanceof java.util.zip.ZipException
                || e instanceof java.io.EOFException
                || e instanceof java.nio.charset.CharacterCodingException) {
            return new Refused("the file cannot be read: " + e.getMessage());
        }
        throw new UncheckedIOException(e);
    }

    /** Consecutive rows of a sector, handed over when the next sector starts. */
    private static final class Grouping {
        private final Sink sink;
        private final Set<String> done = new HashSet<>();
        private String sector;
        private long lastLine;
        private Map<String, GeoPoint> units = new LinkedHashMap<>();

        Grouping(Sink sink) {
            this.sink = sink;
        }

        void add(long line, Postcode postcode, GeoPoint point) {
            if (!postcode.sector().equals(sector)) {
                flush();
                if (done.contains(postcode.sector())) {
                    sink.rejected(new RejectedPostcode(
                            line, postcode.toString(), "out of order: the file must be sorted by postcode"));
                    return;
                }
                sector = postcode.sector();
            }
            if (units.putIfAbsent(postcode.unit(), point) != null) {
                sink.rejected(new RejectedPostcode(line, postcode.toString(), "given twice"));
            } else {
                lastLine = line;
            }
        }

        void flush() {
            if (sector != null && !units.isEmpty()) {
                sink.sector(new PostcodeSector(sector, units), lastLine);
                done.add(sector);
            }
            sector = null;
            units = new LinkedHashMap<>();
        }
    }

    private enum Form {
        ZIP,
        GZIP,
        PLAIN
    }

    /** A zip or gzip is recognised by its first bytes. */
    private static Form magic(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] first = in.readNBytes(4);
        in.reset();
        if (first.length >= 2 && (first[0] & 0xff) == 0x1f && (first[1] & 0xff) == 0x8b) {
            return Form.GZIP;
        }
        return first.length == 4 && first[0] == 'P' && first[1] == 'K' && first[2] == 3 && first[3] == 4
                ? Form.ZIP
                : Form.PLAIN;
    }

    /** A zip's entry, read by the CSV reader, which would otherwise close the whole zip when done. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }

    private static GeoPoint point(String easting, String northing) {
        try {
            double e = Double.parseDouble(easting);
            double n = Double.parseDouble(northing);
            if (e <= 0 || n <= 0 || e > BritishNationalGrid.MAX_EASTING || n > BritishNationalGrid.MAX_NORTHING) {
                return null;
            }
            return BritishNationalGrid.toWgs84(e, n)
                    .map(ll -> new GeoPoint(ll.latitude(), ll.longitude()))
                    .orElse(null);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String field(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : null;
    }

    private static String shorten(String text) {
        return text == null ? null : text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }
}

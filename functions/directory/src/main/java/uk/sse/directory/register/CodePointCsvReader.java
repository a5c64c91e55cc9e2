package uk.sse.directory.register;

import java.io.BufferedInputStream;
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
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.sse.directory.model.GeoPoint;

/**
 * Streams an OS Code-Point Open CSV (as in ../shared/data/postcodes: a header row, then postcode, easting and northing
 * among other columns, read by name), plain or gzipped, and hands over one {@link PostcodeSector} at a time, so that the
 * 1.7 million rows of Great Britain never sit in memory together. The file must be sorted by postcode (Code-Point Open
 * is): a sector's rows come together. A row that cannot be read is rejected with its line and reason; a file without
 * the columns is refused. British National Grid coordinates become WGS84 as the register's do.
 */
public final class CodePointCsvReader {

    static final String POSTCODE = "postcode";
    static final String EASTING = "easting";
    static final String NORTHING = "northing";

    /** What becomes of the rows. */
    public interface Sink {
        void sector(PostcodeSector sector);

        void rejected(RejectedPostcode row);
    }

    /** The file as a whole: read (with the rows it held), or refused. */
    public sealed interface Result permits Read, Refused {}

    public record Read(long rows) implements Result {}

    public record Refused(String reason) implements Result {}

    private CodePointCsvReader() {}

    /**
     * Reads a whole file, streaming; the stream is not closed.
     *
     * @throws UncheckedIOException only if reading the stream itself fails
     */
    public static Result read(InputStream in, Sink sink) {
        try {
            Iterator<CSVRecord> records = CSVFormat.RFC4180
                    .parse(new InputStreamReader(plain(in), StandardCharsets.UTF_8))
                    .iterator();
            if (!records.hasNext()) {
                return new Refused("the file is empty");
            }
            CSVRecord header = records.next();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(
                        header.get(i).strip().toLowerCase(Locale.ROOT).replace("\ufeff", ""), i);
            }
            List<String> missing = List.of(POSTCODE, EASTING, NORTHING).stream()
                    .filter(c -> !columns.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                return new Refused("the header has no " + String.join(", ", missing)
                        + " column; is this an OS Code-Point Open file?");
            }
            Grouping grouping = new Grouping(sink);
            long line = 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line++;
                String typed = field(record, columns.get(POSTCODE));
                var postcode = Postcode.parse(typed);
                if (postcode.isEmpty()) {
                    sink.rejected(new RejectedPostcode(line, shorten(typed), "not a postcode"));
                    continue;
                }
                var point = point(field(record, columns.get(EASTING)), field(record, columns.get(NORTHING)));
                if (point == null) {
                    sink.rejected(
                            new RejectedPostcode(line, postcode.get().toString(), "no usable easting and northing"));
                    continue;
                }
                grouping.add(line, postcode.get(), point);
            }
            grouping.flush();
            return new Read(line - 1);
        } catch (UncheckedIOException e) { // how the record iterator reports read errors
            return refuseOrRethrow(e.getCause());
        } catch (IOException e) {
            return refuseOrRethrow(e);
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
            }
        }

        void flush() {
            if (sector != null && !units.isEmpty()) {
                sink.sector(new PostcodeSector(sector, units));
                done.add(sector);
            }
            sector = null;
            units = new LinkedHashMap<>();
        }
    }

    /** Gzipped input is recognised by its first two bytes. */
    private static InputStream plain(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b
                ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered;
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

package uk.sse.directory.register;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a GIAS establishment CSV ({@code edubasealldataYYYYMMDD.csv} and its subsets) into schools, a row at a time.
 *
 * <p>Columns are found by header name, because their set changes between GIAS releases: only
 * {@link #COLUMNS} are read, missing optional ones are null, and any others, head teachers' names
 * among them, are never looked at. Bad data never throws from {@link #read}: a file that cannot be imported is
 * {@link GiasParse.Refused}, and a row that cannot be imported becomes a {@link RejectedRow}. Only
 * identity problems reject a row; an unusable optional value (an age, a grid reference) is dropped.
 *
 * <p>{@link #open} streams: it holds one row, and the URNs seen so far (to name duplicates), never the file.
 */
public final class GiasCsvReader {

    /** Longer values are not names or addresses, so such a row is rejected. */
    public static final int MAX_FIELD_LENGTH = 500;

    private static final String URN = "URN";
    private static final String NAME = "EstablishmentName";
    private static final String LA_CODE = "LA (code)";
    private static final String LA_NAME = "LA (name)";
    private static final String TYPE = "TypeOfEstablishment (name)";
    private static final String STATUS = "EstablishmentStatus (name)";
    private static final String CLOSE_DATE = "CloseDate";
    private static final String PHASE = "PhaseOfEducation (name)";
    private static final String LOW_AGE = "StatutoryLowAge";
    private static final String HIGH_AGE = "StatutoryHighAge";
    private static final String PUPILS = "NumberOfPupils";
    private static final String FSM = "PercentageFSM";
    private static final String TRUST_CODE = "Trusts (code)";
    private static final String TRUST_NAME = "Trusts (name)";
    private static final String FEDERATION_CODE = "Federations (code)";
    private static final String FEDERATION_NAME = "Federations (name)";
    private static final String OFSTED_LAST_INSPECTION = "OfstedLastInsp";
    private static final String OFSTED_RATING = "OfstedRating (name)";
    private static final String STREET = "Street";
    private static final String LOCALITY = "Locality";
    private static final String TOWN = "Town";
    private static final String POSTCODE = "Postcode";
    private static final String WEBSITE = "SchoolWebsite";
    private static final String RESOURCED_TYPE = "TypeOfResourcedProvision (name)";
    private static final String RESOURCED_ON_ROLL = "ResourcedProvisionOnRoll";
    private static final String RESOURCED_CAPACITY = "ResourcedProvisionCapacity";
    private static final String SEN_UNIT_ON_ROLL = "SenUnitOnRoll";
    private static final String SEN_UNIT_CAPACITY = "SenUnitCapacity";
    private static final String REGION = "GOR (name)";
    private static final String URBAN_RURAL = "UrbanRural (name)";
    private static final String EASTING = "Easting";
    private static final String NORTHING = "Northing";
    private static final String LATITUDE = "Latitude";
    private static final String LONGITUDE = "Longitude";

    /** Every column this reader looks at. Nothing else in a file is read. */
    public static final List<String> COLUMNS = List.of(
            URN,
            NAME,
            LA_CODE,
            LA_NAME,
            TYPE,
            STATUS,
            CLOSE_DATE,
            PHASE,
            LOW_AGE,
            HIGH_AGE,
            PUPILS,
            FSM,
            TRUST_CODE,
            TRUST_NAME,
            FEDERATION_CODE,
            FEDERATION_NAME,
            OFSTED_LAST_INSPECTION,
            OFSTED_RATING,
            STREET,
            LOCALITY,
            TOWN,
            POSTCODE,
            WEBSITE,
            RESOURCED_TYPE,
            RESOURCED_ON_ROLL,
            RESOURCED_CAPACITY,
            SEN_UNIT_ON_ROLL,
            SEN_UNIT_CAPACITY,
            REGION,
            URBAN_RURAL,
            EASTING,
            NORTHING,
            LATITUDE,
            LONGITUDE);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180; // keeps blank lines, so row numbers match a spreadsheet
    private static final DateTimeFormatter GIAS_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private GiasCsvReader() {}

    /** A data row: a school to import, or a row that cannot be. */
    public sealed interface Row {
        long line();
    }

    /** A row that is a school. {@code line} is the row's number as a spreadsheet shows it (the header is 1). */
    public record Accepted(long line, School school) implements Row {}

    /** A row that is not imported, and why. */
    public record Rejected(RejectedRow row) implements Row {
        @Override
        public long line() {
            return row.line();
        }
    }

    /** The file's header was read: its rows follow, one at a time. */
    public sealed interface Opened permits Refusal, Rows {}

    /** The file cannot be imported at all. */
    public record Refusal(String reason) implements Opened {}

    /**
     * The rows of a file whose header was accepted, read as they are asked for. {@link #next} throws
     * {@link Unreadable} when the file turns out to be broken part-way (an unclosed quote, mixed encodings).
     */
    public static final class Rows implements Opened, Iterator<Row> {
        private final Iterator<CSVRecord> records;
        private final Map<String, Long> firstSeen = new HashMap<>();
        private final Set<String> urns = new HashSet<>();
        private final Map<String, Integer> columns;
        private final int width;
        private long line = 1;
        private Row next;

        private Rows(Iterator<CSVRecord> records, Map<String, Integer> columns, int width) {
            this.records = records;
            this.columns = columns;
            this.width = width;
        }

        @Override
        public boolean hasNext() {
            while (next == null && recordsHaveNext()) {
                next = row(++line, nextRecord());
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        /** Whether a row with this URN has been read so far, accepted or not: a school whose row was refused is still there. */
        public boolean saw(String urn) {
            return urns.contains(urn);
        }

        private boolean recordsHaveNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) { // how the record iterator reports read errors
                throw unreadable(e.getCause(), line + 1);
            }
        }

        private CSVRecord nextRecord() {
            try {
                return records.next();
            } catch (UncheckedIOException e) {
                throw unreadable(e.getCause(), line);
            }
        }

        /** The row, or null for a blank line (still counted, so that later line numbers stay right). */
        private Row row(long at, CSVRecord record) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                return null;
            }
            String urn = text(record, URN);
            if (School.isUrn(urn)) {
                urns.add(urn);
            }
            Optional<String> problem = problem(record, urn);
            if (problem.isEmpty()) {
                Long first = firstSeen.putIfAbsent(urn, at);
                if (first != null) {
                    problem = Optional.of("duplicate URN, first seen at line " + first);
                }
            }
            return problem.<Row>map(p -> new Rejected(new RejectedRow(at, shorten(urn), p)))
                    .orElseGet(() -> new Accepted(at, school(record, urn)));
        }

        private Optional<String> problem(CSVRecord record, String urn) {
            if (record.size() != width) {
                return Optional.of("the row has " + record.size() + " fields but the header has " + width);
            }
            if (urn == null) {
                return Optional.of("URN is empty");
            }
            if (!urn.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.of("URN is not a number");
            }
            if (!School.isUrn(urn)) {
                return Optional.of("URN must have 6 or 7 digits");
            }
            if (text(record, NAME) == null) {
                return Optional.of("EstablishmentName is empty");
            }
            return COLUMNS.stream()
                    .filter(c ->
                            columns.containsKey(c) && record.get(columns.get(c)).length() > MAX_FIELD_LENGTH)
                    .findFirst()
                    .map(c -> c + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }

        private School school(CSVRecord record, String urn) {
            Integer easting = whole(text(record, EASTING));
            Integer northing = whole(text(record, NORTHING));
            Optional<BritishNationalGrid.LatLon> converted = easting == null || northing == null
                    ? Optional.empty()
                    : BritishNationalGrid.toWgs84(easting, northing);
            // a position the file gives is GIAS's own (OSTN15), better than the Helmert conversion
            Optional<BritishNationalGrid.LatLon> position = given(record).or(() -> converted);
            String trustCode = text(record, TRUST_CODE);
            String trustName = text(record, TRUST_NAME);
            String federationCode = text(record, FEDERATION_CODE);
            String federationName = text(record, FEDERATION_NAME);
            String rating = text(record, OFSTED_RATING);
            LocalDate inspected = date(text(record, OFSTED_LAST_INSPECTION));
            School.SendProvision send = new School.SendProvision(
                    text(record, RESOURCED_TYPE),
                    whole(text(record, RESOURCED_ON_ROLL)),
                    whole(text(record, RESOURCED_CAPACITY)),
                    whole(text(record, SEN_UNIT_ON_ROLL)),
                    whole(text(record, SEN_UNIT_CAPACITY)));
            return new School(
                    urn,
                    text(record, NAME),
                    text(record, LA_CODE),
                    text(record, LA_NAME),
                    text(record, TYPE),
                    text(record, STATUS),
                    text(record, PHASE),
                    whole(text(record, LOW_AGE)),
                    whole(text(record, HIGH_AGE)),
                    whole(text(record, PUPILS)),
                    percentage(text(record, FSM)),
                    text(record, STREET),
                    text(record, LOCALITY),
                    text(record, TOWN),
                    text(record, POSTCODE),
                    text(record, WEBSITE),
                    text(record, REGION),
                    converted.map(p -> easting).orElse(null),
                    converted.map(p -> northing).orElse(null),
                    position.map(BritishNationalGrid.LatLon::latitude).orElse(null),
                    position.map(BritishNationalGrid.LatLon::longitude).orElse(null),
                    trustCode == null && trustName == null ? null : new School.Trust(trustCode, trustName),
                    federationCode == null && federationName == null
                            ? null
                            : new School.Federation(federationCode, federationName),
                    text(record, URBAN_RURAL),
                    rating == null && inspected == null ? null : new School.Ofsted(rating, inspected),
                    send.equals(NO_SEND_PROVISION) ? null : send,
                    date(text(record, CLOSE_DATE)));
        }

        /** Latitude and longitude as the file gives them, when both are there and plausible for England. */
        private Optional<BritishNationalGrid.LatLon> given(CSVRecord record) {
            Double lat = decimal(text(record, LATITUDE));
            Double lon = decimal(text(record, LONGITUDE));
            if (lat == null || lon == null || lat < 49 || lat > 61 || lon < -9 || lon > 3) {
                return Optional.empty();
            }
            return Optional.of(
                    new BritishNationalGrid.LatLon(Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6));
        }

        /** The trimmed value of a column, or null if the column is absent or the value blank. */
        private String text(CSVRecord record, String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }
    }

    private static final School.SendProvision NO_SEND_PROVISION =
            new School.SendProvision(null, null, null, null, null);

    /** The file turned out to be broken part-way: the rows before it were read. */
    public static final class Unreadable extends RuntimeException {
        private final long line;

        Unreadable(String message, long line) {
            super(message);
            this.line = line;
        }

        /** The line at which reading stopped. */
        public long line() {
            return line;
        }
    }

    // Broken CSV or mixed encodings are bad data; any other I/O failure is not the file's fault.
    private static Unreadable unreadable(IOException e, long line) {
        if (e instanceof CSVException || e instanceof CharConversionException) {
            return new Unreadable("the file cannot be read: " + e.getMessage(), line);
        }
        throw new UncheckedIOException(e);
    }

    /**
     * Reads the header and returns the rows to come, streaming. The bytes may be UTF-8 (with or without a byte
     * order mark) or Windows-1252, as GIAS serves them. The stream is not closed.
     *
     * @throws UncheckedIOException only if reading the stream itself fails
     */
    public static Opened open(InputStream in) {
        Iterator<CSVRecord> records;
        try {
            records = FORMAT.parse(new Utf8OrWindows1252Reader(in)).iterator();
        } catch (IOException e) {
            return new Refusal(unreadable(e, 1).getMessage());
        }
        CSVRecord header;
        try {
            if (!records.hasNext()) {
                return new Refusal("the file is empty");
            }
            header = records.next();
        } catch (UncheckedIOException e) {
            return new Refusal(unreadable(e.getCause(), 1).getMessage());
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
                return new Refusal("the header has the column " + name + " twice");
            }
        }
        List<String> missing =
                List.of(URN, NAME).stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new Refusal("the header has no " + String.join(" or ", missing)
                    + " column; is this a GIAS establishment file?");
        }
        return new Rows(records, columns, header.size());
    }

    /**
     * Reads a whole file into memory: for small files and tests. A file broken part-way is refused whole.
     *
     * @throws UncheckedIOException only if reading the stream itself fails
     */
    public static GiasParse read(InputStream in) {
        return switch (open(in)) {
            case Refusal refusal -> new GiasParse.Refused(refusal.reason());
            case Rows rows -> {
                List<School> schools = new ArrayList<>();
                List<RejectedRow> rejected = new ArrayList<>();
                try {
                    rows.forEachRemaining(row -> {
                        switch (row) {
                            case Accepted a -> schools.add(a.school());
                            case Rejected r -> rejected.add(r.row());
                        }
                    });
                } catch (Unreadable e) {
                    yield new GiasParse.Refused(e.getMessage());
                }
                yield new GiasParse.Parsed(schools, rejected, schools.size() + rejected.size());
            }
        };
    }

    private static Integer whole(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** GIAS writes dates dd-mm-yyyy; anything else is dropped. */
    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, GIAS_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // GIAS writes "SUPP" for suppressed values; anything that is not a percentage is dropped.
    private static Double percentage(String value) {
        Double d = decimal(value);
        return d != null && d >= 0 && d <= 100 ? d : null;
    }

    private static String shorten(String urn) {
        return urn == null || urn.length() <= 20 ? urn : urn.substring(0, 20) + "…";
    }
}

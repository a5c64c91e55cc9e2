package uk.sse.directory.register;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a GIAS establishment CSV ({@code edubasealldataYYYYMMDD.csv} and its subsets) into schools.
 *
 * <p>Columns are found by header name, because their set changes between GIAS releases: only
 * {@link #COLUMNS} are read, missing optional ones are null, and any others, head teachers' names
 * among them, are never looked at. Bad data never throws: a file that cannot be imported is
 * {@link GiasParse.Refused}, and a row that cannot be imported becomes a {@link RejectedRow}. Only
 * identity problems reject a row; an unusable optional value (an age, a grid reference) is dropped.
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
    private static final String PHASE = "PhaseOfEducation (name)";
    private static final String LOW_AGE = "StatutoryLowAge";
    private static final String HIGH_AGE = "StatutoryHighAge";
    private static final String PUPILS = "NumberOfPupils";
    private static final String FSM = "PercentageFSM";
    private static final String STREET = "Street";
    private static final String LOCALITY = "Locality";
    private static final String TOWN = "Town";
    private static final String POSTCODE = "Postcode";
    private static final String WEBSITE = "SchoolWebsite";
    private static final String REGION = "GOR (name)";
    private static final String EASTING = "Easting";
    private static final String NORTHING = "Northing";

    /** Every column this reader looks at. Nothing else in a file is read. */
    public static final List<String> COLUMNS = List.of(URN, NAME, LA_CODE, LA_NAME, TYPE, STATUS, PHASE,
            LOW_AGE, HIGH_AGE, PUPILS, FSM, STREET, LOCALITY, TOWN, POSTCODE, WEBSITE, REGION, EASTING, NORTHING);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180; // keeps blank lines, so row numbers match a spreadsheet

    private GiasCsvReader() {
    }

    /**
     * Reads a whole file, streaming. The bytes may be UTF-8 (with or without a byte order mark) or
     * Windows-1252, as GIAS serves them. The stream is not closed.
     *
     * @throws UncheckedIOException only if reading the stream itself fails
     */
    public static GiasParse read(InputStream in) {
        try {
            CSVParser parser = FORMAT.parse(new Utf8OrWindows1252Reader(in));
            return read(parser.iterator());
        } catch (UncheckedIOException e) { // how the record iterator reports read errors
            return refuseOrRethrow(e.getCause());
        } catch (IOException e) {
            return refuseOrRethrow(e);
        }
    }

    // Broken CSV or mixed encodings are bad data; any other I/O failure is not the file's fault.
    private static GiasParse refuseOrRethrow(IOException e) {
        if (e instanceof CSVException || e instanceof CharConversionException) {
            return new GiasParse.Refused("the file cannot be read: " + e.getMessage());
        }
        throw new UncheckedIOException(e);
    }

    private static GiasParse read(Iterator<CSVRecord> records) {
        if (!records.hasNext()) {
            return new GiasParse.Refused("the file is empty");
        }
        CSVRecord header = records.next();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
                return new GiasParse.Refused("the header has the column " + name + " twice");
            }
        }
        List<String> missing = List.of(URN, NAME).stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new GiasParse.Refused("the header has no " + String.join(" or ", missing)
                    + " column; is this a GIAS establishment file?");
        }
        Rows rows = new Rows(columns, header.size());
        long line = 1;
        while (records.hasNext()) {
            rows.add(++line, records.next());
        }
        return new GiasParse.Parsed(rows.schools, rows.rejected, rows.schools.size() + rows.rejected.size());
    }

    /** The rows of one file, and what is needed to judge the next one. */
    private static final class Rows {
        final List<School> schools = new ArrayList<>();
        final List<RejectedRow> rejected = new ArrayList<>();
        private final Map<String, Long> firstSeen = new HashMap<>();
        private final Map<String, Integer> columns;
        private final int width;

        Rows(Map<String, Integer> columns, int width) {
            this.columns = columns;
            this.width = width;
        }

        void add(long line, CSVRecord record) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                return; // a blank line, still counted so that later line numbers stay right
            }
            String urn = text(record, URN);
            Optional<String> problem = problem(record, urn);
            if (problem.isEmpty()) {
                Long first = firstSeen.putIfAbsent(urn, line);
                if (first != null) {
                    problem = Optional.of("duplicate URN, first seen at line " + first);
                }
            }
            if (problem.isPresent()) {
                rejected.add(new RejectedRow(line, shorten(urn), problem.get()));
            } else {
                schools.add(school(record, urn));
            }
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
                    .filter(c -> columns.containsKey(c) && record.get(columns.get(c)).length() > MAX_FIELD_LENGTH)
                    .findFirst()
                    .map(c -> c + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }

        private School school(CSVRecord record, String urn) {
            Integer easting = whole(text(record, EASTING));
            Integer northing = whole(text(record, NORTHING));
            Optional<BritishNationalGrid.LatLon> position = easting == null || northing == null
                    ? Optional.empty()
                    : BritishNationalGrid.toWgs84(easting, northing);
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
                    position.map(p -> easting).orElse(null),
                    position.map(p -> northing).orElse(null),
                    position.map(BritishNationalGrid.LatLon::latitude).orElse(null),
                    position.map(BritishNationalGrid.LatLon::longitude).orElse(null));
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

    // GIAS writes "SUPP" for suppressed values; anything that is not a percentage is dropped.
    private static Double percentage(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            return d >= 0 && d <= 100 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String urn) {
        return urn == null || urn.length() <= 20 ? urn : urn.substring(0, 20) + "…";
    }
}

package uk.sse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Test files in the shape of GIAS's full download ({@code edubasealldata}): its 140 columns in its order (the release
 * of September 2023, which still carried the Ofsted columns), Windows-1252, every field quoted, CRLF. Rows are the
 * sample's real schools, then generated ones, written a row at a time to disk: never the file in memory. Shared by the
 * directory's import tests and the register benchmark ({@code ./run bench-register}).
 */
public final class GiasFiles {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Stands in every head teacher column: it must never be found in the register. */
    public static final String HEAD_CANARY = "Zzyzx-Headteacher";

    public static final List<String> FULL_HEADER = List.of(
            "URN",
            "LA (code)",
            "LA (name)",
            "EstablishmentNumber",
            "EstablishmentName",
            "TypeOfEstablishment (code)",
            "TypeOfEstablishment (name)",
            "EstablishmentTypeGroup (code)",
            "EstablishmentTypeGroup (name)",
            "EstablishmentStatus (code)",
            "EstablishmentStatus (name)",
            "ReasonEstablishmentOpened (code)",
            "ReasonEstablishmentOpened (name)",
            "OpenDate",
            "ReasonEstablishmentClosed (code)",
            "ReasonEstablishmentClosed (name)",
            "CloseDate",
            "PhaseOfEducation (code)",
            "PhaseOfEducation (name)",
            "StatutoryLowAge",
            "StatutoryHighAge",
            "Boarders (code)",
            "Boarders (name)",
            "NurseryProvision (name)",
            "OfficialSixthForm (code)",
            "OfficialSixthForm (name)",
            "Gender (code)",
            "Gender (name)",
            "ReligiousCharacter (code)",
            "ReligiousCharacter (name)",
            "ReligiousEthos (name)",
            "Diocese (code)",
            "Diocese (name)",
            "AdmissionsPolicy (code)",
            "AdmissionsPolicy (name)",
            "SchoolCapacity",
            "SpecialClasses (code)",
            "SpecialClasses (name)",
            "CensusDate",
            "NumberOfPupils",
            "NumberOfBoys",
            "NumberOfGirls",
            "PercentageFSM",
            "TrustSchoolFlag (code)",
            "TrustSchoolFlag (name)",
            "Trusts (code)",
            "Trusts (name)",
            "SchoolSponsorFlag (name)",
            "SchoolSponsors (name)",
            "FederationFlag (name)",
            "Federations (code)",
            "Federations (name)",
            "UKPRN",
            "FEHEIdentifier",
            "FurtherEducationType (name)",
            "OfstedLastInsp",
            "OfstedSpecialMeasures (code)",
            "OfstedSpecialMeasures (name)",
            "LastChangedDate",
            "Street",
            "Locality",
            "Address3",
            "Town",
            "County (name)",
            "Postcode",
            "SchoolWebsite",
            "TelephoneNum",
            "HeadTitle (name)",
            "HeadFirstName",
            "HeadLastName",
            "HeadPreferredJobTitle",
            "BSOInspectorateName (name)",
            "InspectorateReport",
            "DateOfLastInspectionVisit",
            "NextInspectionVisit",
            "TeenMoth (name)",
            "TeenMothPlaces",
            "CCF (name)",
            "SENPRU (name)",
            "EBD (name)",
            "PlacesPRU",
            "FTProv (name)",
            "EdByOther (name)",
            "Section41Approved (name)",
            "SEN1 (name)",
            "SEN2 (name)",
            "SEN3 (name)",
            "SEN4 (name)",
            "SEN5 (name)",
            "SEN6 (name)",
            "SEN7 (name)",
            "SEN8 (name)",
            "SEN9 (name)",
            "SEN10 (name)",
            "SEN11 (name)",
            "SEN12 (name)",
            "SEN13 (name)",
            "TypeOfResourcedProvision (name)",
            "ResourcedProvisionOnRoll",
            "ResourcedProvisionCapacity",
            "SenUnitOnRoll",
            "SenUnitCapacity",
            "GOR (code)",
            "GOR (name)",
            "DistrictAdministrative (code)",
            "DistrictAdministrative (name)",
            "AdministrativeWard (code)",
            "AdministrativeWard (name)",
            "ParliamentaryConstituency (code)",
            "ParliamentaryConstituency (name)",
            "UrbanRural (code)",
            "UrbanRural (name)",
            "GSSLACode (name)",
            "Easting",
            "Northing",
            "MSOA (name)",
            "LSOA (name)",
            "InspectorateName (name)",
            "SENStat",
            "SENNoStat",
            "BoardingEstablishment (name)",
            "PropsName",
            "PreviousLA (code)",
            "PreviousLA (name)",
            "PreviousEstablishmentNumber",
            "OfstedRating (name)",
            "RSCRegion (name)",
            "Country (name)",
            "UPRN",
            "SiteName",
            "QABName (code)",
            "QABName (name)",
            "EstablishmentAccredited (code)",
            "EstablishmentAccredited (name)",
            "QABReport",
            "CHNumber",
            "MSOA (code)",
            "LSOA (code)",
            "FSM",
            "AccreditationExpiryDate");

    private static final String[] RATINGS = {
        "Outstanding", "Good", "Requires improvement", "Serious Weaknesses", "Special Measures"
    };
    private static final String[] SEN_TYPES = {"Resourced provision", "SEN unit", "Resourced provision and SEN unit"};

    private GiasFiles() {}

    /** The sample's real rows (a GIAS file, Windows-1252), by column name. */
    public static List<Map<String, String>> sampleRows(InputStream in) {
        try (in;
                CSVParser parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new InputStreamReader(in, WINDOWS_1252))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample's rows and then {@code total - sample} generated ones, each with a 7-digit URN from 3,000,000 in an LA
     * of the sample, with trusts, federations, Ofsted and SEN provision on some. {@code edit} may change any row.
     */
    public static Path write(Path file, int total, InputStream sampleFile, Consumer<Map<String, String>> edit)
            throws IOException {
        List<Map<String, String>> sample = sampleRows(sampleFile);
        try (Writer out = Files.newBufferedWriter(file, WINDOWS_1252);
                CSVPrinter csv = new CSVPrinter(
                        out,
                        CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get())) {
            csv.printRecord(FULL_HEADER);
            for (int i = 0; i < total; i++) {
                Map<String, String> row =
                        i < sample.size() ? new HashMap<>(sample.get(i)) : generated(i - sample.size(), sample);
                row.put("HeadFirstName", HEAD_CANARY);
                row.put("HeadLastName", HEAD_CANARY);
                edit.accept(row);
                List<String> values = new ArrayList<>(FULL_HEADER.size());
                for (String column : FULL_HEADER) {
                    values.add(row.getOrDefault(column, ""));
                }
                csv.printRecord(values);
            }
        }
        return file;
    }

    public static String generatedUrn(int n) {
        return Integer.toString(3_000_000 + n);
    }

    private static Map<String, String> generated(int n, List<Map<String, String>> sample) {
        Map<String, String> like = sample.get(n % sample.size());
        Map<String, String> row = new HashMap<>();
        row.put("URN", generatedUrn(n));
        row.put("LA (code)", like.get("LA (code)"));
        row.put("LA (name)", like.get("LA (name)"));
        row.put("EstablishmentName", "Generated School " + n + (n % 7 == 0 ? " St Th\u00e9r\u00e8se\u2019s" : ""));
        row.put("TypeOfEstablishment (name)", like.get("TypeOfEstablishment (name)"));
        row.put("EstablishmentStatus (name)", n % 3 == 0 ? "Closed" : "Open");
        row.put("CloseDate", n % 3 == 0 ? "31-08-2019" : "");
        row.put("PhaseOfEducation (name)", like.get("PhaseOfEducation (name)"));
        row.put("StatutoryLowAge", "4");
        row.put("StatutoryHighAge", "11");
        row.put("NumberOfPupils", Integer.toString(50 + n % 1500));
        row.put("PercentageFSM", n % 11 == 0 ? "SUPP" : Double.toString((n % 600) / 10.0));
        if (n % 2 == 0) {
            row.put("Trusts (code)", Integer.toString(2000 + n % 900));
            row.put("Trusts (name)", "Trust " + n % 900);
        }
        if (n % 9 == 0) {
            row.put("Federations (code)", "F" + n % 50);
            row.put("Federations (name)", "Federation " + n % 50);
        }
        row.put(
                "UrbanRural (name)",
                n % 4 == 0 ? "(England/Wales) Rural village" : "(England/Wales) Urban city and town");
        if (n % 5 != 0) {
            row.put("OfstedRating (name)", RATINGS[n % RATINGS.length]);
            row.put("OfstedLastInsp", String.format("%02d-%02d-20%02d", 1 + n % 28, 1 + n % 12, 10 + n % 14));
        }
        if (n % 13 == 0) {
            row.put("TypeOfResourcedProvision (name)", SEN_TYPES[n % SEN_TYPES.length]);
            row.put("ResourcedProvisionOnRoll", Integer.toString(n % 20));
            row.put("ResourcedProvisionCapacity", "20");
            row.put("SenUnitOnRoll", Integer.toString(n % 12));
            row.put("SenUnitCapacity", "12");
        }
        row.put("Street", n + " Example Road");
        row.put("Town", like.get("Town"));
        row.put("Postcode", like.get("Postcode"));
        row.put("GOR (name)", like.get("GOR (name)"));
        row.put("Easting", like.get("Easting"));
        row.put("Northing", like.get("Northing"));
        row.put("TelephoneNum", "020 7946 0" + String.format("%03d", n % 1000));
        return row;
    }
}

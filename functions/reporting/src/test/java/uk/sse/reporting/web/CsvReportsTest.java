package uk.sse.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.reports.ProviderRow;
import uk.sse.reporting.reports.Report;

/** CSV cells survive whatever a name holds, and none becomes a spreadsheet formula. */
class CsvReportsTest {

    static Report<ProviderRow> report(String name) {
        ProviderRow row = new ProviderRow(
                "P-1",
                name,
                "CONSULTANT",
                1,
                2,
                new BigDecimal("3.50"),
                BigDecimal.ZERO,
                12,
                1,
                new BigDecimal("4.00"),
                0,
                null);
        ProviderRow total = new ProviderRow(
                null,
                null,
                null,
                1,
                2,
                new BigDecimal("3.50"),
                BigDecimal.ZERO,
                12,
                1,
                new BigDecimal("4.00"),
                0,
                null);
        return new Report<>(
                "providers",
                "888",
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 11, 30),
                Map.of(),
                List.of(row),
                total);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void commasQuotesAndLineBreaksInANameRoundTrip() throws IOException {
        String name = "Smith, Jones & \"Partners\"\r\nLtd";
        List<CSVRecord> records = parse(CsvReports.write(report(name)));
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).isEqualTo(ProviderRow.COLUMNS);
        assertThat(records.get(1).toList())
                .containsExactly("P-1", name, "CONSULTANT", "1", "2", "3.50", "0", "12", "1", "4.00", "0", "");
        assertThat(records.get(2).toList())
                .containsExactly("TOTAL", "", "", "1", "2", "3.50", "0", "12", "1", "4.00", "0", "");
    }

    @Test
    void aNameAFormulaCouldBeIsWrittenInert() throws IOException {
        for (String formula :
                List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab")) {
            List<CSVRecord> records = parse(CsvReports.write(report(formula)));
            assertThat(records.get(1).get(1)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvReports.inert("Oakfield High School")).isEqualTo("Oakfield High School");
        assertThat(CsvReports.inert("")).isEmpty();
    }

    @Test
    void theFileIsNamedForTheReportTheAreaAndThePeriod() {
        assertThat(CsvReports.fileName(report("x"))).isEqualTo("providers-888-2026-09-01-2026-11-30.csv");
    }
}

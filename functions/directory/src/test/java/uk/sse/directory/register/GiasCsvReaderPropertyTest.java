package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class GiasCsvReaderPropertyTest {

    /** A data row: the URN and name cells as written, possibly blank or not a URN. */
    record Row(String urn, String name) {}

    @Provide
    Arbitrary<Row> rows() {
        Arbitrary<String> urns = Arbitraries.oneOf(
                Arbitraries.integers().between(100_000, 100_030).map(String::valueOf), // small range: duplicates
                Arbitraries.of("", " ", "N/A", "12345", "12345678", "10000a"));
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars(' ', '\'')
                        .ofMinLength(1)
                        .ofMaxLength(40),
                Arbitraries.of("", "   "));
        return Combinators.combine(urns, names).as(Row::new);
    }

    @Property
    void everyRowIsEitherImportedOrRejectedAndOnlyGoodOnesAreImported(
            @ForAll @Size(max = 40) List<@From("rows") Row> rows) {
        StringBuilder csv = new StringBuilder("URN,EstablishmentName\r\n");
        rows.forEach(r ->
                csv.append('"').append(r.urn()).append("\",\"").append(r.name()).append("\"\r\n"));

        GiasParse.Parsed result = (GiasParse.Parsed)
                GiasCsvReader.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(result.linesRead()).isEqualTo(rows.size());
        assertThat(result.rows().size() + result.rejected().size()).isEqualTo(rows.size());
        assertThat(result.rows()).allSatisfy(s -> {
            assertThat(s.urn()).matches("[0-9]{6,7}");
            assertThat(s.name()).isNotBlank();
        });
        assertThat(result.rows()).extracting(School::urn).doesNotHaveDuplicates();

        // Replay the rules: the first good row for a URN is kept, everything else is rejected at its line.
        Set<String> seen = new HashSet<>();
        List<Long> expectedRejectedLines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean good = r.urn().matches("[0-9]{6,7}") && !r.name().isBlank();
            if (!good || !seen.add(r.urn())) {
                expectedRejectedLines.add(i + 2L);
            }
        }
        assertThat(result.rejected()).extracting(RejectedRow::line).containsExactlyElementsOf(expectedRejectedLines);
    }

    /**
     * Names the way schools write them: words of letters, some accented, and ’ after a letter. In
     * either encoding they read back unchanged.
     */
    @Property
    void namesReadTheSameFromUtf8AndWindows1252(@ForAll("schoolNames") String name) {
        String csv = "URN,EstablishmentName\r\n100001,\"" + name + "\"\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
            GiasParse.Parsed result =
                    (GiasParse.Parsed) GiasCsvReader.read(new ByteArrayInputStream(csv.getBytes(charset)));
            assertThat(result.rows())
                    .extracting(School::name)
                    .as(charset.name())
                    .containsExactly(name.strip());
        }
    }

    @Provide
    Arbitrary<String> schoolNames() {
        Arbitrary<String> word = Combinators.combine(
                        Arbitraries.strings().withCharRange('A', 'Z').ofLength(1),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withChars("éèàâçôûëïüöñ")
                                .ofMinLength(1)
                                .ofMaxLength(10),
                        Arbitraries.of("", "’s", "’"))
                .as((first, rest, suffix) -> first + rest + suffix);
        return word.list().ofMinSize(1).ofMaxSize(6).map(words -> String.join(" ", words));
    }
}

package uk.sse.directory.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GiasEncodingTest {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static final String[] NAMES = {
        "St Mary’s Church of England Primary School",
        "Ysgol Gymraeg Llundain",
        "Saint Thérèse of Lisieux Catholic Primary School",
        "École Française Jacques Prévert",
    };

    static byte[] resource(String name) {
        try (InputStream in = GiasEncodingTest.class.getResourceAsStream("/gias/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GiasParse read(byte[] bytes) {
        return GiasCsvReader.read(new ByteArrayInputStream(bytes));
    }

    static GiasParse.Parsed parsed(byte[] bytes) {
        GiasParse result = read(bytes);
        if (result instanceof GiasParse.Parsed p) {
            return p;
        }
        throw new AssertionError("expected the file to parse, but: " + result);
    }

    @Test
    void theFixturesAreEncodedAsTheirNamesSay() {
        byte[] windows = resource("names-windows-1252.csv");
        byte[] utf8 = resource("names-utf-8.csv");
        assertThat(windows).contains((byte) 0x92, (byte) 0xE9); // ’ and é, one byte each
        assertThat(utf8).containsSequence((byte) 0xE2, (byte) 0x80, (byte) 0x99); // ’
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(new String(windows, WINDOWS_1252));
    }

    @ParameterizedTest
    @ValueSource(strings = {"names-windows-1252.csv", "names-utf-8.csv"})
    void readsAccentsAndCurlyApostrophesInEitherEncoding(String fixture) {
        GiasParse.Parsed result = parsed(resource(fixture));
        assertThat(result.rows()).extracting(School::name).containsExactly(NAMES);
        assertThat(result.rows().get(2).laName()).isEqualTo("Middlesbrough");
    }

    @Test
    void dropsAUtf8ByteOrderMark() {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, resource("names-utf-8.csv"));
        assertThat(parsed(withBom).rows()).extracting(School::name).containsExactly(NAMES);
    }

    /** The decision is taken at the first accented letter, however far into the file, not in a first buffer. */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1252"})
    void decidesAtTheFirstNonAsciiCharacterEvenDeepIntoTheFile(String charset) {
        StringBuilder csv = new StringBuilder("URN,EstablishmentName\r\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(200_000 + i).append(",Plain School ").append(i).append("\r\n");
        }
        csv.append("300000,Saint Thérèse’s School\r\n");
        GiasParse.Parsed result = parsed(csv.toString().getBytes(Charset.forName(charset)));
        assertThat(result.rows()).hasSize(5_001);
        assertThat(result.rows().getLast().name()).isEqualTo("Saint Thérèse’s School");
    }

    /** A multi-byte character split across the reader's 8 KiB buffers must come out whole. */
    @Test
    void readsUtf8CharactersThatStraddleABufferBoundary() {
        for (int padding = 8_150; padding < 8_200; padding++) {
            String csv = "URN,EstablishmentName\n100001," + "a".repeat(padding - 30) + "\n100002,Thérèse’s\n";
            GiasParse.Parsed result = parsed(csv.getBytes(StandardCharsets.UTF_8));
            assertThat(result.rows().getLast().name()).as("padding %d", padding).isEqualTo("Thérèse’s");
        }
    }

    @Test
    void refusesAFileThatMixesUtf8AndWindows1252() {
        byte[] bytes = concat(
                "URN,EstablishmentName\n100001,Thérèse\n".getBytes(StandardCharsets.UTF_8),
                "100002,Thérèse\n".getBytes(WINDOWS_1252));
        GiasParse result = read(bytes);
        assertThat(result).isInstanceOf(GiasParse.Refused.class);
        assertThat(((GiasParse.Refused) result).reason())
                .contains("mixes encodings")
                .contains("byte 48");
    }

    @Test
    void decodesWindows1252BytesThatItLeavesUndefinedAsReplacementCharacters() {
        byte[] bytes = concat(
                "URN,EstablishmentName\n100001,A".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0x81},
                "B\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed(bytes).rows().getFirst().name()).isEqualTo("A\uFFFDB");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

package uk.sse.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The messages here are not written by hand: Micronaut serde produces them, reading the body as UTF-8 bytes with
 * unknown properties refused, as the functions do. The path is found the way {@link BadInputHandlers} finds it.
 */
class FieldPathsFromRealSerdeTest {

    @Serdeable
    record Contact(String name, String email) {}

    @Serdeable
    record Point(double lat, double lon) {}

    @Serdeable
    enum Phase {
        PRIMARY,
        SECONDARY
    }

    @Serdeable
    record Body(
            String title,
            String description,
            BigDecimal priceCredits,
            Contact contact,
            Point location,
            List<Phase> phases) {}

    private static final ObjectMapper MAPPER = ObjectMapper.create(
            Map.of("micronaut.serde.deserialization.ignore-unknown", false), "uk.sse.kernel.problem");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown property               | /colour               | {\"title\":\"t\",\"colour\":\"red\"}",
                "unknown nested property        | /contact/colour       | {\"contact\":{\"name\":\"n\",\"colour\":\"red\"},\"colour\":1}",
                "wrong type at the top          | /priceCredits         | {\"title\":\"t\",\"priceCredits\":\"thirty\",\"description\":\"d\"}",
                "wrong type nested              | /contact/email        | {\"title\":\"t\",\"contact\":{\"name\":\"n\",\"email\":{}},\"description\":\"d\"}",
                "not a number nested            | /location/lat         | {\"location\":{\"lat\":\"north\",\"lon\":0.1},\"title\":\"t\"}",
                "unknown enum value in a list   | /phases               | {\"phases\":[\"PRIMARY\",\"UNIVERSITY\"],\"title\":\"t\"}",
                "bad literal                    | /priceCredits         | {\"title\":\"t\",\"priceCredits\":tru,\"description\":\"d\"}",
                "non-ASCII text before the error | /priceCredits        | {\"title\":\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\",\"priceCredits\":\"x\",\"description\":\"d\"}",
                "emoji before the error         | /contact/email        | {\"contact\":{\"name\":\"\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\",\"email\":[],\"phone\":1}}"
            })
    void theFieldNamedIsTheOneTheClientGotWrong(String name, String expected, String body) {
        assertThat(fieldFor(body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pretty-printed | /contact/email | '{\n  \"title\": \"t\",\n  \"contact\": {\n    \"name\": \"n\",\n    \"email\": {}\n  }\n}'",
                "CR LF lines    | /location/lon  | '{\r\n  \"location\": {\r\n    \"lat\": 1,\r\n    \"lon\": \"west\"\r\n  }\r\n}'"
            })
    void multiLineBodiesToo(String name, String expected, String body) {
        assertThat(fieldFor(body)).isEqualTo(expected);
    }

    private static String fieldFor(String body) {
        try {
            MAPPER.readValue(body.getBytes(StandardCharsets.UTF_8), Body.class);
        } catch (Exception e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            String field = FieldPaths.fromSerdeMessage(all.toString(), body);
            return field != null ? field : FieldPaths.atLocation(all.toString(), body);
        }
        return fail("serde accepted " + body);
    }
}

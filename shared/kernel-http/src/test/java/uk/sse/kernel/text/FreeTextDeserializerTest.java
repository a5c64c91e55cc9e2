package uk.sse.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeTextDeserializerTest {

    @Serdeable
    record Body(String title, @MultiLine String description, List<String> tags, Inner inner) {}

    @Serdeable
    record Inner(String name) {}

    @Serdeable
    record Dated(java.time.LocalDate on) {}

    static final ObjectMapper MAPPER = ObjectMapper.create(
            Map.of("micronaut.serde.deserialization.ignore-unknown", false),
            "uk.sse.kernel.text",
            "uk.sse.kernel.json");

    @Test
    void textIsNormalisedAndMultiLineOnlyWhereAllowed() throws Exception {
        Body b = MAPPER.readValue(
                "{\"title\":\"Cafe\\u0301\",\"description\":\"a\\r\\nb\\tc\",\"tags\":[\"x\"],\"inner\":{\"name\":\"n\"}}",
                Body.class);
        assertThat(b.title()).isEqualTo("Caf\u00e9");
        assertThat(b.description()).isEqualTo("a\nb\tc");
        assertThatThrownBy(() -> MAPPER.readValue("{\"title\":\"a\\nb\"}", Body.class))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> MAPPER.readValue("{\"description\":\"a\\u0000b\"}", Body.class))
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> MAPPER.readValue("{\"title\":\"a\\ud800\"}", Body.class))
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> MAPPER.readValue("{\"inner\":{\"name\":\"\\u001b[31m\"}}", Body.class))
                .hasMessageContaining("control");
    }

    @Test
    void aDateIsAnIsoDateAndNothingElse() throws Exception {
        assertThat(MAPPER.readValue("{\"on\":\"2026-09-01\"}", Dated.class).on())
                .isEqualTo(java.time.LocalDate.of(2026, 9, 1));
        for (String bad : java.util.List.of(
                "20000",
                "\"20000\"",
                "\"\u0662\u0660\u0662\u0666-\u0660\u0669-\u0660\u0661\"",
                "\"2026-02-30\"",
                "\"1/9/2026\"",
                "\"2026-9-1\"",
                "\"+2026-09-01\"")) {
            assertThatThrownBy(() -> MAPPER.readValue("{\"on\":" + bad + "}", Dated.class))
                    .as(bad)
                    .hasMessageContaining("yyyy-mm-dd");
        }
    }
}

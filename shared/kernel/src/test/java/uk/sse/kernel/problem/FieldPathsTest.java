package uk.sse.kernel.problem;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FieldPathsTest {

    // ---- fromSerdeMessage: the property a serde error names ----

    @Test
    void anUnknownPropertyIsNamed() {
        assertThat(FieldPaths.fromSerdeMessage(
                "Unknown property [colour] encountered during deserialization of type: ProviderBody body")).isEqualTo("/colour");
    }

    @Test
    void nestedDecodingErrorsGiveThePathFromTheOutside() {
        String message = "Error decoding property [ContactBody contact] of type [class uk.sse.directory.web.OfferBody]: "
                + "Error decoding property [String email] of type [class uk.sse.directory.web.ContactBody]: Unexpected token";
        assertThat(FieldPaths.fromSerdeMessage(message)).isEqualTo("/contact/email");
    }

    @Test
    void genericTypesInThePropertyAreSkipped() {
        assertThat(FieldPaths.fromSerdeMessage("Error decoding property [List<String> areasOfSupport] of type [x]: bad"))
                .isEqualTo("/areasOfSupport");
        assertThat(FieldPaths.fromSerdeMessage("Error decoding property [Map<String, Integer> counts] of type [x]: bad"))
                .isEqualTo("/counts");
    }

    @Test
    void whenEachWrappingExceptionRepeatsItsCauseThePathComesFromTheFirstLine() {
        String chain = """
                Error decoding property [ContactBody contact] of type [OfferBody]: Error decoding property [String email] of type [ContactBody]: bad
                Error decoding property [String email] of type [ContactBody]: bad
                bad
                """;
        assertThat(FieldPaths.fromSerdeMessage(chain)).isEqualTo("/contact/email");
    }

    @Test
    void aMessageNamingNoPropertyGivesNoPath() {
        assertThat(FieldPaths.fromSerdeMessage("Unexpected token START_OBJECT, expected VALUE_STRING\n at [Source: REDACTED; line: 1, column: 9]"))
                .isNull();
        assertThat(FieldPaths.fromSerdeMessage("")).isNull();
        assertThat(FieldPaths.fromSerdeMessage(null)).isNull();
    }

    // ---- atLocation: the key the parser was reading where it stopped ----

    /** Jackson's location for an error just after {@code marker}: 1-based line, and column counted in UTF-8 bytes. */
    static String errorAfter(String body, String marker) {
        int end = body.indexOf(marker);
        assertThat(end).as("marker in body").isNotNegative();
        end += marker.length();
        int lineStart = body.lastIndexOf('\n', end - 1) + 1;
        long line = body.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
        int column = body.substring(lineStart, end).getBytes(StandardCharsets.UTF_8).length + 1;
        return "Unable to coerce string to BigDecimal \n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                + "line: " + line + ", column: " + column + "]";
    }

    @Test
    void theKeyWhoseValueWasBeingReadIsNamed() {
        String body = "{\"title\":\"Phonics\",\"priceCredits\":\"thirty\",\"description\":\"x\"}";
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"thirty\""), body)).isEqualTo("/priceCredits");
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"Phonics\""), body)).isEqualTo("/title");
    }

    @Test
    void anErrorAtTheStartOfAValueNamesItsKey() {
        String body = "{\"n\":tru}";
        // Jackson: Unrecognized token 'tru' ... line: 1, column: 6 (the 't')
        assertThat(FieldPaths.atLocation("Unrecognized token 'tru'\n at [Source: REDACTED; line: 1, column: 6]", body)).isEqualTo("/n");
    }

    @Test
    void linesAreCountedInAPrettyPrintedBody() {
        String body = """
                {
                  "title": "Phonics",
                  "priceCredits": "thirty",
                  "description": "x"
                }""";
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"thirty\""), body)).isEqualTo("/priceCredits");
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"x\""), body)).isEqualTo("/description");
    }

    @Test
    void aQuotedColonInsideAStringValueIsNotTakenForAKey() {
        String body = "{\"note\":\"he said \\\"a\\\": b\",\"n\":\"x\",\"m\":1}";
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"x\""), body)).isEqualTo("/n");
        String earlier = "{\"note\":\"he said \\\"a\\\": b\",\"m\":1}";
        assertThat(FieldPaths.atLocation(errorAfter(earlier, "b\""), earlier)).isEqualTo("/note");
    }

    @Test
    void aLocationBeforeAnyKeyOrBeyondTheBodyNamesNothing() {
        assertThat(FieldPaths.atLocation("Unexpected end-of-input\n at [Source: REDACTED; line: 1, column: 2]", "{\"title\":1}")).isNull();
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 3, column: 1]", "{\"title\":1}")).isNull();
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 1, column: 1]", "not json")).isNull();
    }

    @Test
    void noLocationOrNoBodyNamesNothing() {
        assertThat(FieldPaths.atLocation("Unable to coerce string to BigDecimal", "{\"priceCredits\":\"thirty\"}")).isNull();
        assertThat(FieldPaths.atLocation(null, "{\"priceCredits\":\"thirty\"}")).isNull();
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 1, column: 20]", null)).isNull();
    }
}

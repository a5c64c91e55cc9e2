package uk.sse.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    // ---- fromSerdeMessage: the property a serde error names ----

    @Test
    void anUnknownPropertyIsNamed() {
        assertThat(FieldPaths.fromSerdeMessage(
                        "Unknown property [colour] encountered during deserialization of type: ProviderBody body"))
                .isEqualTo("/colour");
    }

    @Test
    void nestedDecodingErrorsGiveThePathFromTheOutside() {
        String message =
                "Error decoding property [ContactBody contact] of type [class uk.sse.directory.web.OfferBody]: "
                        + "Error decoding property [String email] of type [class uk.sse.directory.web.ContactBody]: Unexpected token";
        assertThat(FieldPaths.fromSerdeMessage(message)).isEqualTo("/contact/email");
    }

    @Test
    void genericTypesInThePropertyAreSkipped() {
        assertThat(FieldPaths.fromSerdeMessage(
                        "Error decoding property [List<String> areasOfSupport] of type [x]: bad"))
                .isEqualTo("/areasOfSupport");
        assertThat(FieldPaths.fromSerdeMessage(
                        "Error decoding property [Map<String, Integer> counts] of type [x]: bad"))
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
        assertThat(
                        FieldPaths.fromSerdeMessage(
                                "Unexpected token START_OBJECT, expected VALUE_STRING\n at [Source: REDACTED; line: 1, column: 9]"))
                .isNull();
        assertThat(FieldPaths.fromSerdeMessage("")).isNull();
        assertThat(FieldPaths.fromSerdeMessage(null)).isNull();
    }

    // ---- atLocation: the key the parser was reading where it stopped ----

    /** Jackson's location for an error just after {@code marker}: 1-based line, and column counted in UTF-8 bytes. */
    static String errorAfter(String body, String marker) {
        int at = body.indexOf(marker);
        assertThat(at).as("marker in body").isNotNegative();
        return errorAfter(body, at + marker.length());
    }

    static String errorAfter(String body, int end) {
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
        assertThat(FieldPaths.atLocation("Unrecognized token 'tru'\n at [Source: REDACTED; line: 1, column: 6]", body))
                .isEqualTo("/n");
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
        assertThat(FieldPaths.atLocation(
                        "Unexpected end-of-input\n at [Source: REDACTED; line: 1, column: 2]", "{\"title\":1}"))
                .isNull();
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 3, column: 1]", "{\"title\":1}"))
                .isNull();
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 1, column: 1]", "not json"))
                .isNull();
    }

    @Test
    void noLocationOrNoBodyNamesNothing() {
        assertThat(FieldPaths.atLocation("Unable to coerce string to BigDecimal", "{\"priceCredits\":\"thirty\"}"))
                .isNull();
        assertThat(FieldPaths.atLocation(null, "{\"priceCredits\":\"thirty\"}")).isNull();
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 1, column: 20]", null))
                .isNull();
    }

    // ---- nested members, byte columns and keys that need decoding ----

    @Test
    void aNestedMemberIsNamedByItsWholePath() {
        String body =
                "{\"title\":\"t\",\"contact\":{\"name\":\"n\",\"email\":{}},\"location\":{\"lat\":\"north\",\"lon\":1}}";
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"email\":{"), body)).isEqualTo("/contact/email");
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"north\""), body)).isEqualTo("/location/lat");
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"t\""), body)).isEqualTo("/title");
    }

    @Test
    void aBadElementOfAListIsNamedByTheList() {
        String body = "{\"phases\":[\"PRIMARY\",\"UNIVERSITY\"],\"links\":[\"a\",{}]}";
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"UNIVERSITY\""), body))
                .isEqualTo("/phases");
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"a\",{"), body)).isEqualTo("/links");
    }

    @Test
    void aMemberOfAnObjectInAListIsNamedWithItsIndex() {
        String body = "{\"contacts\":[{\"email\":\"a@b.org\"},{\"email\":7}]}";
        assertThat(FieldPaths.atLocation(errorAfter(body, "7"), body)).isEqualTo("/contacts/1/email");
    }

    @Test
    void textBeforeTheErrorThatIsNotAsciiDoesNotShiftTheMemberNamed() {
        // the column counts UTF-8 bytes: 30 two-byte letters put it 30 characters past the error
        String title = "\u00e9".repeat(30);
        String body = "{\"title\":\"" + title + "\",\"priceCredits\":\"thirty\",\"description\":\"x\"}";
        assertThat(FieldPaths.atLocation(errorAfter(body, "\"thirty\""), body)).isEqualTo("/priceCredits");
        String emoji = "{\"title\":\"\ud83d\ude00\ud83d\ude00\",\"n\":tru,\"m\":1}";
        assertThat(FieldPaths.atLocation(errorAfter(emoji, "\"n\":"), emoji)).isEqualTo("/n");
    }

    @Test
    void windowsLineEndsAreLineEnds() {
        String body = "{\r\n  \"title\": \"t\",\r\n  \"priceCredits\": \"thirty\"\r\n}";
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 3, column: 27]", body))
                .isEqualTo("/priceCredits");
    }

    @Test
    void aKeyIsNamedAsTheClientMeantItAndEscapedForAPointer() {
        String quoted = "{\"a\\\"b\":tru}";
        assertThat(FieldPaths.atLocation(errorAfter(quoted, ":"), quoted)).isEqualTo("/a\"b");
        String unicode = "{\"caf\\u00e9\":tru}";
        assertThat(FieldPaths.atLocation(errorAfter(unicode, ":"), unicode)).isEqualTo("/caf\u00e9");
        String slashed = "{\"a/b~c\":tru}";
        assertThat(FieldPaths.atLocation(errorAfter(slashed, ":"), slashed)).isEqualTo("/a~1b~0c");
    }

    @Test
    void afterACommaNoMemberIsBeingRead() {
        String body = "{\"title\":\"t\",}";
        // Jackson: Unexpected character ('}' (code 125)): was expecting double-quote to start field name; column 15
        assertThat(FieldPaths.atLocation("bad\n at [Source: REDACTED; line: 1, column: 15]", body))
                .isNull();
    }

    @Test
    void anUnknownNestedPropertyIsPlacedByTheBody() {
        String body = "{\"title\":\"t\",\"contact\":{\"name\":\"n\",\"colour\":\"red\"}}";
        String message = "Unknown property [colour] encountered during deserialization of type: ContactBody contact";
        assertThat(FieldPaths.fromSerdeMessage(message, body)).isEqualTo("/contact/colour");
        assertThat(FieldPaths.fromSerdeMessage(message, null)).isEqualTo("/colour");
    }

    @Test
    void anUnknownPropertyIsFoundUnderTheMemberTheMessageNames() {
        String body = "{\"colour\":1,\"evidence\":{\"colour\":2},\"contact\":{\"colour\":3}}";
        assertThat(FieldPaths.fromSerdeMessage(
                        "Unknown property [colour] encountered during deserialization of type: ContactBody contact",
                        body))
                .isEqualTo("/contact/colour");
        assertThat(FieldPaths.fromSerdeMessage(
                        "Unknown property [colour] encountered during deserialization of type: OfferBody body", body))
                .isEqualTo("/colour");
        assertThat(FieldPaths.fromSerdeMessage(
                        "Unknown property [colour] encountered during deserialization of type: ContactBody contacts",
                        "{\"contacts\":[{\"name\":\"a\"},{\"colour\":1}]}"))
                .isEqualTo("/contacts/1/colour");
    }

    // ---- properties over generated bodies ----

    @Property(tries = 300)
    void anErrorJustAfterAnyPlainValueNamesThatValuesMember(@ForAll("bodies") JsonBody body) {
        for (JsonBody.Leaf leaf : body.leaves()) {
            String message = errorAfter(body.text(), leaf.end());
            assertThat(FieldPaths.atLocation(message, body.text()))
                    .as("%s in %s", message, body.text())
                    .isEqualTo(leaf.path());
        }
    }

    @Provide
    Arbitrary<JsonBody> bodies() {
        return JsonBody.arbitrary();
    }

    @Property
    void atLocationNeverThrows(
            @ForAll String message,
            @ForAll String body,
            @ForAll @IntRange(min = -3, max = 200) int line,
            @ForAll @IntRange(min = -3, max = 400) int column) {
        FieldPaths.atLocation(message, body);
        FieldPaths.atLocation("line: " + line + ", column: " + column, body);
        FieldPaths.fromSerdeMessage(
                "Unknown property [" + message + "] encountered during deserialization of type: X " + message, body);
    }

    // ---- bounded: any shape within the size limit, named in well under a second ----

    /** Nested objects whose every key is the one asked for, and nested arrays: the shapes that made the lookup quadratic. */
    static java.util.stream.Stream<String> hostileBodies() {
        int kib = 256 * 1024;
        StringBuilder objects = new StringBuilder();
        while (objects.length() < kib / 2) {
            objects.append("{\"colour\":");
        }
        objects.append("1");
        StringBuilder arrays = new StringBuilder("[".repeat(kib / 2));
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; wide.length() < kib; i++) {
            wide.append("\"colour\":{\"x\":[").append(i).append("]},");
        }
        return java.util.stream.Stream.of(objects.toString(), arrays.toString(), wide.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileBodies")
    void aBodyOfAnyShapeIsScannedInLinearTime(String body) {
        long started = System.nanoTime();
        FieldPaths.fromSerdeMessage(
                "Unknown property [colour] encountered during deserialization of type: Body body", body);
        FieldPaths.atLocation("line: 1, column: " + body.length(), body);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms).as("milliseconds for %d characters", body.length()).isLessThan(1000);
    }
}

package uk.sse.kernel.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A cursor stands for a query's LastEvaluatedKey: any map of one or more non-empty attribute names to string
 * values (which may be empty and may hold any text: a provider's name is part of a sort key). Anything else
 * handed in as a cursor is refused with an empty answer, never an exception.
 */
class CursorsTest {

    private static final String SEPARATORS = "\u001d\u001e\u001f";

    /** Text mixing plain letters with the cursor's own separators, escapes, accents and emoji. */
    private static Arbitrary<String> text() {
        List<String> pieces = "ab#_ \u00e9\u4e2d\ud83d\ude00\\%=+/"
                .codePoints()
                .mapToObj(Character::toString)
                .collect(Collectors.toList());
        SEPARATORS.chars().forEach(c -> pieces.add(String.valueOf((char) c)));
        return Arbitraries.of(pieces).list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Map<String, String>> keys() {
        return Arbitraries.maps(text().filter(name -> !name.isEmpty()), text())
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    private static Map<String, AttributeValue> key(Map<String, String> values) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        values.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }

    @Property(tries = 500)
    void aCursorDecodesToTheKeyItWasMadeFrom(@ForAll("keys") Map<String, String> values) {
        String cursor = Cursors.encode(key(values));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor)).hasValue(key(values));
    }

    @Test
    void aTypicalKeyRoundTrips() {
        Map<String, AttributeValue> key = Map.of(
                "PK",
                AttributeValue.fromS("PROVIDER#100006"),
                "SK",
                AttributeValue.fromS("PROFILE"),
                "GSI2PK",
                AttributeValue.fromS("PROVIDERS#202"),
                "GSI2SK",
                AttributeValue.fromS("heath school#100006"));
        assertThat(Cursors.decode(Cursors.encode(key))).hasValue(key);
    }

    @Test
    void aNameHoldingTheSeparatorsStillPagesOn() {
        // a provider's name is part of GSI2SK and the API lets a name hold control characters
        Map<String, AttributeValue> key = Map.of(
                "GSI2SK",
                AttributeValue.fromS("acme\u001etrust\u001f#prv_1"),
                "PK",
                AttributeValue.fromS("PROVIDER#prv_1"));
        assertThat(Cursors.decode(Cursors.encode(key))).hasValue(key);
    }

    @Property
    void theSameKeyGivesTheSameCursorWhateverItsOrder(@ForAll("keys") Map<String, String> values) {
        Map<String, String> reversed = new LinkedHashMap<>();
        new TreeMap<>(values).descendingMap().forEach(reversed::put);
        assertThat(Cursors.encode(key(reversed))).isEqualTo(Cursors.encode(key(values)));
    }

    @Test
    void aKeyThatIsNotAStringIsRefusedRatherThanWrittenAsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cursors.encode(Map.of("n", AttributeValue.fromN("7"))));
    }

    @Test
    void anEscapeThatCursorsNeverWriteIsRefused() {
        assertThat(Cursors.decode(base64("PK\u001fa\u001dx\u001e"))).isEmpty();
        assertThat(Cursors.decode(base64("PK\u001fa\u001d\u001e"))).isEmpty();
        assertThat(Cursors.decode(base64("PK\u001fa\u001dp\u001e")))
                .hasValue(Map.of("PK", AttributeValue.fromS("a\u001e")));
    }

    @Test
    void noKeyGivesNoCursor() {
        assertThat(Cursors.encode(null)).isNull();
        assertThat(Cursors.encode(Map.of())).isNull();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!!", "a b", "abc$", "A", "%41%42", "=="})
    void textThatIsNotUrlSafeBase64IsRefused(String cursor) {
        assertThat(Cursors.decode(cursor)).isEmpty();
    }

    @Test
    void decodedTextThatIsNotAKeyIsRefused() {
        assertThat(Cursors.decode(base64("PK"))).as("no separator").isEmpty();
        assertThat(Cursors.decode(base64("\u001fv\u001e"))).as("empty name").isEmpty();
        assertThat(Cursors.decode(base64("\u001e\u001e"))).as("only separators").isEmpty();
        assertThat(Cursors.decode(base64("PK\u001fa\u001e\u001eSK\u001fb\u001e")))
                .as("an empty pair")
                .isEmpty();
        assertThat(Cursors.decode(null)).isEmpty();
    }

    @Test
    void anOverlongCursorIsRefusedBeforeItIsRead() {
        String longest = base64("PK\u001f" + "x".repeat(1530) + "\u001e");
        assertThat(longest).hasSizeLessThanOrEqualTo(2048);
        assertThat(Cursors.decode(longest)).isPresent();
        assertThat(Cursors.decode(base64("PK\u001f" + "x".repeat(1540) + "\u001e")))
                .isEmpty();
    }

    @Property(tries = 1000)
    void anyTextHandedInIsAnsweredWithoutAnException(@ForAll String cursor) {
        assertThat(Cursors.decode(cursor)).isNotNull();
    }

    @Property(tries = 1000)
    void anyBytesHandedInAreAnsweredWithoutAnExceptionAndNeverAsAnEmptyName(@ForAll byte[] bytes) {
        Optional<Map<String, AttributeValue>> key =
                Cursors.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        key.ifPresent(k -> assertThat(k).isNotEmpty().allSatisfy((name, value) -> {
            assertThat(name).isNotEmpty();
            assertThat(value.s()).isNotNull();
        }));
    }

    @Test
    void aListingTakesOnlyItsOwnCursors() {
        java.util.function.Predicate<Map<String, AttributeValue>> ours =
                key -> key.get("pk").s().startsWith("SUB#");
        assertThat(Cursors.startKey(null, ours)).as("the first page").contains(Optional.empty());
        Map<String, AttributeValue> mine =
                Map.of("pk", AttributeValue.fromS("SUB#1"), "sk", AttributeValue.fromS("SUB"));
        assertThat(Cursors.startKey(Cursors.encode(mine), ours)).contains(Optional.of(mine));
        assertThat(Cursors.startKey(Cursors.encode(Map.of("pk", AttributeValue.fromS("ACCOUNT#1"))), ours))
                .as("another listing's")
                .isEmpty();
        assertThat(Cursors.startKey(Cursors.encode(Map.of("sk", AttributeValue.fromS("SUB"))), ours))
                .as("a key without pk")
                .isEmpty();
        assertThat(Cursors.startKey("not a cursor!", ours)).isEmpty();
    }

    @Test
    void aPageStartsAtTheCursorsKeyOrAtTheBeginningAndRefusesACursorItDidNotGive() {
        Map<String, AttributeValue> key =
                Map.of("pk", AttributeValue.fromS("REQUEST#r1"), "sk", AttributeValue.fromS("REQUEST"));
        assertThat(Cursors.startOf(Cursors.encode(key))).isEqualTo(key);
        assertThat(Cursors.startOf(null)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cursors.startOf("not-a-cursor"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

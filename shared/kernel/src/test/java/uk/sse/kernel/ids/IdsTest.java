package uk.sse.kernel.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    /** The largest time a ULID holds: 48 bits of milliseconds. */
    private static final long MAX_MILLIS = (1L << 48) - 1;

    private static Clock at(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    @Test
    void anIdIsThePrefixAnUnderscoreAnd26CrockfordCharacters() {
        String id = Ids.newId("off");
        assertThat(id).matches("off_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ids.looksLike("off", id)).isTrue();
        assertThat(id).matches("off_" + Ids.BODY);
    }

    @Test
    void base32IsFiveBitGroupsMostSignificantFirst() {
        // 0x08 0x86 0x42 = 00001 00010 00011 00100 0010: "1234" then the next group's first bits
        assertThat(Ids.base32(new byte[] {0x08, (byte) 0x86, 0x42}, 4)).isEqualTo("1234");
        assertThat(Ids.base32(new byte[] {(byte) 0xff, (byte) 0xff}, 3)).isEqualTo("ZZZ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ids.base32(new byte[2], 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstTenCharactersAreTheTimeInBase32() {
        // 1_700_000_000_000 ms written in Crockford base32, ten characters, most significant first
        assertThat(Ids.newId("p", at(1_700_000_000_000L))).startsWith("p_01HF7YAT00");
        assertThat(Ids.newId("p", at(0))).startsWith("p_0000000000");
        assertThat(Ids.newId("p", at(MAX_MILLIS))).startsWith("p_7ZZZZZZZZZ");
    }

    @Test
    void aHundredThousandIdsAreAllDifferentEvenInTheSameMillisecond() {
        Clock frozen = at(1_700_000_000_000L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Ids.newId("off", frozen)))
                    .as("duplicate after %d ids", i)
                    .isTrue();
        }
    }

    @Property
    void idsMadeLaterSortLaterAsText(
            @ForAll @LongRange(min = 0, max = MAX_MILLIS - 1) long earlier,
            @ForAll @LongRange(min = 1, max = MAX_MILLIS) long gap) {
        long later = Math.min(MAX_MILLIS, earlier + gap);
        String first = Ids.newId("off", at(earlier));
        String second = Ids.newId("off", at(later));
        assertThat(first.compareTo(second)).isNegative();
    }

    @Property
    void everyIdMadeAtAnyTimeLooksLikeOne(@ForAll @LongRange(min = 0, max = MAX_MILLIS) long millis) {
        assertThat(Ids.looksLike("prv", Ids.newId("prv", at(millis)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "off_01HF7YAT00I000000000000000", // I is not Crockford
                "off_01HF7YAT00L000000000000000", // nor L
                "off_01HF7YAT00O000000000000000", // nor O
                "off_01HF7YAT00U000000000000000", // nor U
                "off_81HF7YAT000000000000000000", // 48 bits of time never start above 7
                "off_ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
                "off_01hf7yat000000000000000000", // lower case
                "off_01HF7YAT000000000000000000X", // 27 characters
                "off_01HF7YAT00000000000000000", // 25 characters
                "prv_01HF7YAT000000000000000000", // another kind's prefix
                "off-01HF7YAT000000000000000000", // wrong separator
                "off01HF7YAT0000000000000000000",
                "_01HF7YAT000000000000000000",
                "off_",
                ""
            })
    void nearMissesDoNotLookLikeIds(String candidate) {
        assertThat(Ids.looksLike("off", candidate)).isFalse();
    }

    @Test
    void theRealThingNextToTheNearMissesDoesLookLikeAnId() {
        assertThat(Ids.looksLike("off", "off_01HF7YAT000000000000000000")).isTrue();
        assertThat(Ids.looksLike("off", "off_7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isTrue();
        assertThat(Ids.looksLike("off", null)).isFalse();
    }

    @Test
    void aPrefixIsMatchedLiterallyNotAsARegex() {
        String id = Ids.newId("a.b");
        assertThat(Ids.looksLike("a.b", id)).isTrue();
        assertThat(Ids.looksLike("a.b", "axb" + id.substring(3))).isFalse();
    }
}

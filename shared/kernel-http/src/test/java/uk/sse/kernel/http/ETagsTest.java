package uk.sse.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @Test
    void anETagIsTheQuotedVersionWithAV() {
        assertThat(ETags.of(7)).isEqualTo("\"v7\"");
        assertThat(ETags.of(0)).isEqualTo("\"v0\"");
    }

    @Property
    void theVersionOfAnETagIsTheVersionItWasMadeFrom(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long version) {
        assertThat(ETags.versionOf(ETags.of(version))).hasValue(version);
    }

    @Property
    void aWeakenedETagNamesTheSameVersion(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long version) {
        // proxies that compress a response weaken its ETag; the client sends back what it got
        assertThat(ETags.versionOf("W/" + ETags.of(version))).hasValue(version);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(ETags.versionOf("  \"v3\" ")).hasValue(3);
        assertThat(ETags.versionOf(" W/\"v3\"")).hasValue(3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "*",
                "v3",
                "\"3\"",
                "\"v\"",
                "\"V3\"",
                "'v3'",
                "\"v3",
                "v3\"",
                "\"v 3\"",
                "\"v3\", \"v4\"",
                "w/\"v3\"",
                "W/v3",
                "W/ \"v3\"",
                "\"vx\"",
                "\"v3.0\"",
                "\"v99999999999999999999\"",
                "\"abc123\""
            })
    void foreignOrMalformedETagsNameNoVersion(String ifMatch) {
        assertThat(ETags.versionOf(ifMatch)).isEmpty();
    }

    /** If-Match compares ETags as strings, so a header that only parses to a version is not a match for it. */
    @ParameterizedTest
    @ValueSource(strings = {"\"v+5\"", "\"v05\"", "\"v-1\"", "\"v-0\"", "W/\"v007\"", "\"v\u0665\""})
    void aVersionWrittenOtherwiseThanWeWriteItIsNotOurs(String ifMatch) {
        assertThat(ETags.versionOf(ifMatch)).isEmpty();
    }

    @Property
    void onlyTheETagWeGiveForAVersionNamesIt(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long version, @ForAll("decorations") String prefix) {
        assertThat(ETags.versionOf("\"v" + prefix + version + "\"")).isEmpty();
    }

    @Provide
    Arbitrary<String> decorations() {
        return Arbitraries.of("+", "0", "00", "-", " ", "+0");
    }

    @Test
    void noHeaderNamesNoVersion() {
        assertThat(ETags.versionOf(null)).isEqualTo(OptionalLong.empty());
    }
}

package uk.sse.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/** The erasure's tombstone is keyed (decision 0117): the same under one key, another under another, not a plain hash. */
class TombstoneTest {

    static final String KEY = "k3Y-0f-the-stage-0123456789abcdefghijklmnop";
    static final String OTHER_KEY = "another-stage-key-0123456789abcdefghijklmnop";

    @Test
    void isTheSubjectsHmacUnderTheKeyNotItsPlainHash() throws Exception {
        String subject = "3f2a1c9e-7b4d-4e1a-9c2b-6d8e0f1a2b3c";
        String tombstone = Tombstone.keyed(KEY).of(subject);

        assertThat(tombstone).matches("erased-[0-9a-f]{16}");
        String plainHash = "erased-"
                + HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)),
                                0,
                                8);
        assertThat(tombstone)
                .as("someone with a list of subjects cannot re-identify it by hashing them")
                .isNotEqualTo(plainHash);
        // RFC 2104 HMAC-SHA256 of the subject under the key, worked out apart (openssl dgst -sha256 -hmac)
        assertThat(Tombstone.keyed("key-for-the-known-answer-0123456789").of("ann"))
                .isEqualTo("erased-08c8a9026ce4fbd4");
    }

    @Test
    void theSameKeyGivesTheSameTombstoneAndAnotherKeyAnother() {
        String subject = "adviser-831";
        assertThat(Tombstone.keyed(KEY).of(subject))
                .as("two functions holding one key derive one tombstone")
                .isEqualTo(new Tombstone(() -> KEY).of(subject));
        assertThat(Tombstone.keyed(OTHER_KEY).of(subject))
                .isNotEqualTo(Tombstone.keyed(KEY).of(subject));
    }

    @Test
    void followsItsSourceWhenTheKeyIsReadAgain() {
        AtomicReference<String> secret = new AtomicReference<>(KEY);
        Tombstone tombstone = new Tombstone(secret::get);
        String first = tombstone.of("ann");
        secret.set(OTHER_KEY);
        assertThat(tombstone.of("ann"))
                .isNotEqualTo(first)
                .isEqualTo(Tombstone.keyed(OTHER_KEY).of("ann"));
    }

    @Test
    void refusesAShortOrMissingKey() {
        assertThatThrownBy(() -> Tombstone.keyed("short").of("ann"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> new Tombstone(() -> null).of("ann")).isInstanceOf(IllegalStateException.class);
    }

    @Property(tries = 200)
    void distinctSubjectsGetDistinctTombstonesNeverTheSubject(
            @ForAll @Size(min = 2, max = 60) @UniqueElements List<@NotBlank @StringLength(max = 80) String> subjects) {
        Tombstone tombstone = Tombstone.keyed(KEY);
        Set<String> tombstones = subjects.stream().map(tombstone::of).collect(Collectors.toSet());
        // 64 bits of HMAC: a collision among 60 subjects has a chance below 1e-16
        assertThat(tombstones).hasSize(subjects.size());
        assertThat(tombstones).doesNotContainAnyElementsOf(subjects);
        assertThat(tombstones).allSatisfy(t -> assertThat(t).matches("erased-[0-9a-f]{16}"));
    }

    @Property(tries = 100)
    void aTombstoneIsNeverItsOwnSubjectEvenWhenTheSubjectLooksLikeOne(
            @ForAll @StringLength(min = 1, max = 40) String s) {
        String lookalike = Tombstone.PREFIX + s;
        assertThat(Tombstone.keyed(KEY).of(lookalike)).isNotEqualTo(lookalike);
    }
}

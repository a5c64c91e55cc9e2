package uk.sse.brokerage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.events.EventEnvelope;

/** Whose texts an erasure replaces: a person's (and their subject, wherever it stands), or everyone's (retention). */
class ErasureTest {

    static final Instant AT = Instant.parse("2026-10-07T09:00:00Z");

    static EventEnvelope event(String by, String reason) {
        return new EventEnvelope(
                "brokerage.request.cancelled",
                "req_1/4",
                AT,
                "888",
                Map.of(
                        "requestId",
                        "req_1",
                        "by",
                        by,
                        "reason",
                        reason,
                        "engagement",
                        Map.of("agreedBy", "adviser-1", "days", 3),
                        "proposals",
                        List.of(Map.of("proposedBy", "broker-1", "reason", "near"))));
    }

    @Test
    void aPersonsErasureSwapsTheirSubjectEverywhereAndErasesOnlyTheTextsTheyWrote() {
        Erasure erasure = new Erasure("adviser-1", "erased-1");

        EventEnvelope theirs = erasure.apply(event("adviser-1", "plans changed"));
        assertThat(theirs.data())
                .containsEntry("by", "erased-1")
                .containsEntry("reason", Erasure.ERASED)
                .containsEntry("engagement", Map.of("agreedBy", "erased-1", "days", 3))
                .containsEntry("proposals", List.of(Map.of("proposedBy", "broker-1", "reason", Erasure.ERASED)));

        EventEnvelope someoneElses = erasure.apply(event("broker-1", "no capacity"));
        assertThat(someoneElses.data())
                .containsEntry("by", "broker-1")
                .containsEntry("reason", "no capacity")
                .containsEntry("engagement", Map.of("agreedBy", "erased-1", "days", 3));

        assertThat(erasure.apply(theirs)).isSameAs(theirs);
        assertThat(erasure.tombstone()).isEqualTo("erased-1");
    }

    @Test
    void everyonesTextsAreErasedWhoeverWroteThemAndEverySubjectStays() {
        EventEnvelope redacted = Erasure.everyText().apply(event("broker-1", "no capacity"));

        assertThat(redacted.data())
                .containsEntry("by", "broker-1")
                .containsEntry("reason", Erasure.ERASED)
                .containsEntry("engagement", Map.of("agreedBy", "adviser-1", "days", 3))
                .containsEntry("proposals", List.of(Map.of("proposedBy", "broker-1", "reason", Erasure.ERASED)));
        assertThat(Erasure.everyText().apply(redacted)).isSameAs(redacted);
    }

    @Test
    void aPersonNeedsASubjectAndAnotherTombstoneAndEveryoneHasNoTombstone() {
        assertThatThrownBy(() -> new Erasure(null, "t")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Erasure("s", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Erasure.everyText().tombstone()).isInstanceOf(IllegalStateException.class);
        assertThat(Erasure.everyText().whose()).isInstanceOf(Erasure.Whose.Everyone.class);
        assertThat(new Erasure("adviser-1", "erased-0").whose()).isInstanceOf(Erasure.Whose.Person.class);
    }
}

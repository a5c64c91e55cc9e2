package uk.sse.contracts.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;
import uk.sse.contracts.brokerage.BrokerageEvent.Engagement;
import uk.sse.contracts.brokerage.BrokerageEvent.Proposal;
import uk.sse.contracts.brokerage.BrokerageEvent.Request;

class BrokerageEventTest {

    static final Instant AT = Instant.parse("2026-12-06T10:15:30.123Z");
    static final Request R = new Request(
            "R-1",
            4,
            "100001",
            "Ash Primary",
            List.of("CT.READ", "INC.SEND"),
            "HIGH",
            "AGREE",
            "ACCEPTED",
            "AGREED",
            "sue",
            "SCHOOL");
    static final Request REPAIR = new Request(
            "R-1",
            6,
            "100001",
            null,
            List.of("CT.READ"),
            "HIGH",
            null,
            null,
            "COMPLETED",
            "brokerage-reconciliation",
            "SERVICE");
    static final Proposal P = new Proposal("P1", "O-1", "prv_1", 4, 12, "ACCEPTED");
    static final Engagement E = new Engagement("R-1.P1", "brk:R-1.P1.v3", "P1", "O-1", "prv_1", 4, 12, "HELD", 0, 0);

    /** One of each type, in the order of {@link BrokerageEvent#TYPES}. */
    static final List<BrokerageEvent> EVERY_TYPE = List.of(
            new BrokerageEvent.RequestCreated(
                    AT, "888", R, "phonics", 4, List.of("IN_SCHOOL"), LocalDate.of(2026, 12, 24), 20, List.of("O-1")),
            new BrokerageEvent.RequestProposed(
                    AT, "888", R, List.of(P, new Proposal("P2", "O-2", "prv_2", 2, 8, "PROPOSED"))),
            new BrokerageEvent.ProposalAccepted(AT, "888", R, P),
            new BrokerageEvent.ProposalDeclined(AT, "888", R, P, "too far"),
            new BrokerageEvent.EngagementAgreed(AT, "888", R, E),
            new BrokerageEvent.EngagementStarted(AT, "888", R, E),
            new BrokerageEvent.EngagementCompleted(
                    AT,
                    "888",
                    R,
                    new Engagement("R-1.P1", "brk:R-1.P1.v3", "P1", "O-1", "prv_1", 4, 12, "POSTED", 3, 9)),
            new BrokerageEvent.EngagementEvaluated(AT, "888", R, "R-1.P1", "O-1", "prv_1", "IMPACT", 5, 4, 5),
            new BrokerageEvent.RequestCancelled(AT, "888", R, "no longer needed", E),
            new BrokerageEvent.RequestWithdrawn(AT, "888", R, "found elsewhere", null),
            new BrokerageEvent.HoldRefused(AT, "888", R, "P1", "O-1", "prv_1", 12, "INSUFFICIENT_FUNDS"),
            new BrokerageEvent.HoldReleased(AT, "888", R, "brk:R-1.P1.v3", "never written"),
            new BrokerageEvent.PostRedriven(AT, "888", REPAIR, "brk:R-1.P1.v3", "posted 9", E),
            new BrokerageEvent.VoidRedriven(AT, "888", REPAIR, "brk:R-1.P1.v3", null, null),
            new BrokerageEvent.HoldVoided(AT, "888", REPAIR, "brk:R-1.P1.v2", "stray", null),
            new BrokerageEvent.NeedsAttention(AT, "888", REPAIR, "brk:R-1.P1.v3", "the hold lapsed", E));

    private static BrokerageEvent back(BrokerageEvent e, Map<String, Object> data) {
        return BrokerageEvent.read(e.type(), e.occurredAt(), e.area(), data).orElseThrow();
    }

    @Test
    void everyTypeReadsBackAsTheRecordItsProducerBuilt() {
        assertThat(EVERY_TYPE).extracting(BrokerageEvent::type).containsExactlyElementsOf(BrokerageEvent.TYPES);
        for (BrokerageEvent e : EVERY_TYPE) {
            assertThat(back(e, e.data())).isEqualTo(e);
            assertThat(e.data())
                    .containsEntry(Contract.VERSION, BrokerageEvent.VERSION)
                    .doesNotContainValue(null);
            assertThat(BrokerageEvent.requestOf(e.type(), e.data())).isEqualTo(e.request());
        }
    }

    @Test
    void eventIdsNameTheRequestTheVersionAndForTheRestWhatHappened() {
        assertThat(EVERY_TYPE)
                .extracting(BrokerageEvent::eventId)
                .containsExactly(
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4",
                        "R-1/4/hold-refused",
                        "R-1/4",
                        "R-1/6/post-redriven/brk:R-1.P1.v3",
                        "R-1/6/void-redriven/brk:R-1.P1.v3",
                        "R-1/6/hold-voided/brk:R-1.P1.v2",
                        "R-1/6/needs-attention/brk:R-1.P1.v3");
        assertThat(EVERY_TYPE.get(12).data())
                .containsEntry("repair", "post-redriven")
                .doesNotContainKey("action");
    }

    /** Events the brokerage stored before these records carry no version, and read as version 1. */
    @Test
    void eventsStoredBeforeTheRecordsReadAsVersionOne() {
        for (BrokerageEvent e : EVERY_TYPE) {
            Map<String, Object> stored = new HashMap<>(e.data());
            stored.remove(Contract.VERSION);
            assertThat(back(e, stored)).isEqualTo(e);
        }
    }

    @Test
    void unknownMembersAndNewerVersionsAreRead() {
        for (BrokerageEvent e : EVERY_TYPE) {
            Map<String, Object> newer = new HashMap<>(e.data());
            newer.put(Contract.VERSION, 2);
            newer.put("somethingAddedLater", Map.of("nested", List.of(1, 2)));
            assertThat(back(e, newer)).isEqualTo(e);
        }
        // and a type newer than the reader is not its to read, though what it says of its request is
        Map<String, Object> later = new HashMap<>(EVERY_TYPE.get(0).data());
        assertThat(BrokerageEvent.read("brokerage.request.reopened", AT, "888", later))
                .isEmpty();
        assertThat(BrokerageEvent.requestOf("brokerage.request.reopened", later))
                .isEqualTo(R);
    }

    @Test
    void aMissingOrMistypedMemberIsNamedNestedOnesWithTheirParent() {
        BrokerageEvent created = EVERY_TYPE.get(0);
        Map<String, Object> missing = new HashMap<>(created.data());
        missing.remove("urn");
        assertThatThrownBy(() -> back(created, missing))
                .isInstanceOf(Fields.Unreadable.class)
                .hasMessage("brokerage.request.created: urn is not a text");
        Map<String, Object> mistyped = new HashMap<>(created.data());
        mistyped.put("wantedBy", "soon");
        assertThatThrownBy(() -> back(created, mistyped)).hasMessageContaining("wantedBy");
        mistyped.put("wantedBy", "2026-12-24");
        mistyped.put("areasOfSupport", List.of("CT", 3));
        assertThatThrownBy(() -> back(created, mistyped)).hasMessageContaining("areasOfSupport");
        BrokerageEvent agreed = EVERY_TYPE.get(4);
        Map<String, Object> engagement = new HashMap<>(E.data());
        engagement.put("credits", "twelve");
        Map<String, Object> badEngagement = new HashMap<>(agreed.data());
        badEngagement.put("engagement", engagement);
        assertThatThrownBy(() -> back(agreed, badEngagement))
                .hasMessage("brokerage.engagement.agreed engagement: credits is not a whole number");
        Map<String, Object> older = new HashMap<>(agreed.data());
        older.put(Contract.VERSION, 0);
        assertThatThrownBy(() -> back(agreed, older)).hasMessageContaining("older");
    }

    @Test
    void otherFunctionsEventsAreNotTheReadersToRead() {
        assertThat(BrokerageEvent.read("ledger.transfer.created", AT, "888", Map.of()))
                .isEmpty();
        assertThat(BrokerageEvent.read("directory.offer.submitted", AT, "888", Map.of()))
                .isEmpty();
    }

    /**
     * docs/events.md names every type, and every member of its data in its row or in what every event (every repair)
     * has; the members of a proposal and an engagement where the section describes them.
     */
    @Test
    void theEventsDocumentNamesEveryTypeAndMember() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/events.md"));
        int start = doc.indexOf("## Brokerage");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        String common = section.substring(0, section.indexOf("| type |"));
        String repairs = section.substring(section.indexOf("**Repairs**"));
        repairs = repairs.substring(0, repairs.indexOf("| type |"));
        List<String> rows =
                section.lines().filter(line -> line.startsWith("| `brokerage.")).toList();
        for (BrokerageEvent e : EVERY_TYPE) {
            String row = rows.stream()
                    .filter(r -> r.contains("`" + e.type() + "`"))
                    .findFirst()
                    .orElse("");
            assertThat(row).as("the row of %s in docs/events.md", e.type()).isNotEmpty();
            String where = row + (e instanceof BrokerageEvent.Repair ? repairs : common);
            e.data().forEach((name, value) -> {
                assertThat(where).as("%s names %s", e.type(), name).contains("`" + name + "`");
                nested(value)
                        .forEach(member ->
                                assertThat(section).as("%s.%s", name, member).contains("`" + member + "`"));
            });
        }
        assertThat(rows).hasSize(BrokerageEvent.TYPES.size() - 1); // cancelled and withdrawn share a row
    }

    /** The names of the members of a nested object, or of a list's objects. */
    private static List<String> nested(Object value) {
        List<?> values = value instanceof List<?> list ? list : List.of(value);
        return values.stream()
                .filter(Map.class::isInstance)
                .flatMap(m -> ((Map<?, ?>) m).keySet().stream())
                .map(String.class::cast)
                .distinct()
                .toList();
    }
}

package uk.sse.contracts.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;
import uk.sse.contracts.ledger.LedgerEvent.AccountOpened;
import uk.sse.contracts.ledger.LedgerEvent.TransferCreated;
import uk.sse.contracts.ledger.LedgerEvent.TransferPosted;
import uk.sse.contracts.ledger.LedgerEvent.TransferVoided;

class LedgerEventTest {

    static final Instant AT = Instant.parse("2026-12-06T10:15:30.123Z");

    static final List<LedgerEvent> EVERY_TYPE = List.of(
            new AccountOpened(AT, "888", "888/ISSUING", "ISSUING", true),
            new TransferCreated(
                    AT,
                    "888",
                    "eng-1",
                    "888/100001",
                    "888/prv_hub",
                    12,
                    "PAYMENT",
                    "engagement",
                    true,
                    "PENDING",
                    AT.plusSeconds(3600),
                    "school-user"),
            new TransferCreated(
                    AT,
                    "888",
                    "alloc-1",
                    "888/ISSUING",
                    "888/100001",
                    30,
                    "ALLOCATION",
                    "",
                    false,
                    "SINGLE_PHASE",
                    null,
                    null),
            new TransferPosted(AT, "888", "eng-1", "888/100001", "888/prv_hub", 12, 9, "PAYMENT", "brokerage"),
            new TransferVoided(AT, "888", "eng-2", "888/100001", "888/prv_hub", 5, "PAYMENT", true, "ledger-sweeper"));

    private static LedgerEvent back(LedgerEvent e, Map<String, Object> data) {
        return LedgerEvent.read(e.type(), e.occurredAt(), e.area(), data).orElseThrow();
    }

    @Test
    void everyTypeReadsBackAsTheRecordItsProducerBuilt() {
        for (LedgerEvent e : EVERY_TYPE) {
            assertThat(back(e, e.data())).isEqualTo(e);
            assertThat(e.data())
                    .containsEntry(Contract.VERSION, LedgerEvent.VERSION)
                    .doesNotContainValue(null);
            assertThat(e.type()).startsWith("ledger.");
        }
    }

    @Test
    void eventIdsSayWhatHappenedToWhat() {
        assertThat(EVERY_TYPE)
                .extracting(LedgerEvent::eventId)
                .containsExactly(
                        "888/ISSUING/opened", "eng-1/created", "alloc-1/created", "eng-1/posted", "eng-2/voided");
    }

    @Test
    void unknownMembersAndNewerVersionsAreRead() {
        for (LedgerEvent e : EVERY_TYPE) {
            Map<String, Object> newer = new HashMap<>(e.data());
            newer.put(Contract.VERSION, 2);
            newer.put("somethingAddedLater", Map.of("nested", List.of(1, 2)));
            assertThat(back(e, newer)).isEqualTo(e);
        }
    }

    @Test
    void wholeNumbersReadAsDecimalsByAJsonReaderAreWhole() {
        TransferPosted posted = (TransferPosted) EVERY_TYPE.get(3);
        Map<String, Object> data = new HashMap<>(posted.data());
        data.put("posted", 9.0);
        data.put(Contract.VERSION, 1.0);
        assertThat(back(posted, data)).isEqualTo(posted);
        data.put("posted", 9.5);
        assertThatThrownBy(() -> back(posted, data))
                .isInstanceOf(Fields.Unreadable.class)
                .hasMessageContaining("posted");
    }

    @Test
    void aMissingOrMistypedMemberIsNamed() {
        TransferCreated created = (TransferCreated) EVERY_TYPE.get(1);
        Map<String, Object> missing = new HashMap<>(created.data());
        missing.remove("debit");
        assertThatThrownBy(() -> back(created, missing))
                .isInstanceOf(Fields.Unreadable.class)
                .hasMessage("ledger.transfer.created: debit is not a text");
        Map<String, Object> mistyped = new HashMap<>(created.data());
        mistyped.put("pending", "yes");
        assertThatThrownBy(() -> back(created, mistyped)).hasMessageContaining("pending");
        Map<String, Object> badTime = new HashMap<>(created.data());
        badTime.put("timeout", "tomorrow");
        assertThatThrownBy(() -> back(created, badTime)).hasMessageContaining("timeout");
    }

    @Test
    void anOlderOrMissingVersionIsRefused() {
        AccountOpened opened = (AccountOpened) EVERY_TYPE.get(0);
        Map<String, Object> old = new HashMap<>(opened.data());
        old.put(Contract.VERSION, 0);
        assertThatThrownBy(() -> back(opened, old)).hasMessageContaining("older");
        old.remove(Contract.VERSION);
        assertThatThrownBy(() -> back(opened, old)).hasMessageContaining(Contract.VERSION);
    }

    /** docs/events.md names every type and every member of its data, in the type's row of the ledger's table. */
    @Test
    void theEventsDocumentNamesEveryTypeAndMember() throws java.io.IOException {
        List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../../docs/events.md")).stream()
                .filter(line -> line.startsWith("| `ledger."))
                .toList();
        for (LedgerEvent e : EVERY_TYPE) {
            assertThat(rows)
                    .as("the row of %s in docs/events.md", e.type())
                    .filteredOn(row -> row.startsWith("| `" + e.type() + "` |"))
                    .singleElement()
                    .satisfies(row -> e.data().keySet().stream()
                            .filter(name -> !name.equals(Contract.VERSION))
                            .forEach(name -> assertThat(row)
                                    .as("%s names %s", e.type(), name)
                                    .contains("`" + name + "`")));
        }
        assertThat(rows).hasSize(4);
    }

    @Test
    void otherFunctionsEventsAndUnknownLedgerTypesAreNotTheReadersToRead() {
        assertThat(LedgerEvent.read("brokerage.request.created", AT, "888", Map.of()))
                .isEmpty();
        assertThat(LedgerEvent.read("ledger.hold.extended", AT, "888", Map.of(Contract.VERSION, 1)))
                .isEmpty();
    }
}

package uk.sse.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;
import uk.sse.contracts.directory.DirectoryEvent.Assurance;
import uk.sse.contracts.directory.DirectoryEvent.DesignationRefused;
import uk.sse.contracts.directory.DirectoryEvent.DesignationsVerified;
import uk.sse.contracts.directory.DirectoryEvent.OfferChanged;
import uk.sse.contracts.directory.DirectoryEvent.OfferStep;
import uk.sse.contracts.directory.DirectoryEvent.SchoolClosed;
import uk.sse.contracts.directory.DirectoryEvent.SchoolMoved;

class DirectoryEventTest {

    static final Instant AT = Instant.parse("2026-12-06T10:15:30.123Z");

    static OfferChanged offer(OfferStep step, Assurance assurance, LocalDate review) {
        return new OfferChanged(
                AT,
                "888",
                step,
                "off_1",
                3,
                "prv_hub",
                "Moorside Hub",
                "SCHOOL",
                "Phonics that sticks",
                List.of("CT.READ"),
                List.of("PRIMARY"),
                List.of("IN_PERSON", "ONLINE"),
                4,
                "APPROVED",
                review,
                assurance);
    }

    static final List<DirectoryEvent> EVERY_TYPE = Stream.concat(
                    Arrays.stream(OfferStep.values()).map(step -> (DirectoryEvent) offer(
                            step,
                            step == OfferStep.CREATED
                                    ? null
                                    : new Assurance(
                                            step.name(),
                                            "SUBMITTED",
                                            "APPROVED",
                                            "assurer-1",
                                            step == OfferStep.REJECTED ? "no evidence" : null),
                            step == OfferStep.APPROVED ? LocalDate.of(2027, 9, 1) : null)),
                    Stream.of(
                            new SchoolMoved(
                                    AT,
                                    "889",
                                    "100001",
                                    "Moorside Primary",
                                    "888",
                                    "Lancashire",
                                    "889",
                                    "Blackburn",
                                    "imp_1"),
                            new SchoolClosed(
                                    AT,
                                    "888",
                                    "100002",
                                    "Riverside Infants",
                                    "888",
                                    LocalDate.of(2026, 8, 31),
                                    "Closed",
                                    "imp_1"),
                            new SchoolClosed(
                                    AT,
                                    "unknown",
                                    "100003",
                                    "Hillside",
                                    null,
                                    null,
                                    "gone from the register's file",
                                    "imp_2"),
                            new DesignationRefused(
                                    AT,
                                    "888",
                                    "prv_hub",
                                    4,
                                    "Moorside Hub",
                                    "MATHS_HUB",
                                    "Not on the NCETM's list of hubs",
                                    "assurer-1"),
                            new DesignationsVerified(
                                    AT,
                                    "888",
                                    "prv_hub",
                                    5,
                                    "Moorside Hub",
                                    List.of("ENGLISH_HUB"),
                                    List.of(),
                                    "assurer-1")))
            .toList();

    private static DirectoryEvent back(DirectoryEvent e, Map<String, Object> data) {
        return DirectoryEvent.read(e.type(), e.occurredAt(), e.area(), data).orElseThrow();
    }

    @Test
    void everyTypeReadsBackAsTheRecordItsProducerBuilt() {
        for (DirectoryEvent e : EVERY_TYPE) {
            assertThat(back(e, e.data())).isEqualTo(e);
            assertThat(e.data())
                    .containsEntry(Contract.VERSION, DirectoryEvent.VERSION)
                    .doesNotContainValue(null);
            assertThat(e.type()).startsWith("directory.");
        }
        assertThat(EVERY_TYPE.stream().map(Contract::type).distinct()).hasSize(12);
    }

    @Test
    void eventIdsAreTheOnesTheDirectoryAlwaysPublished() {
        assertThat(EVERY_TYPE.get(0).eventId()).isEqualTo("off_1/3");
        assertThat(EVERY_TYPE.get(8).eventId()).isEqualTo("100001/moved/imp_1");
        assertThat(EVERY_TYPE.get(9).eventId()).isEqualTo("100002/closed/imp_1");
        assertThat(EVERY_TYPE.get(11).eventId()).isEqualTo("prv_hub/4");
        assertThat(EVERY_TYPE.get(12).eventId()).isEqualTo("prv_hub/5");
    }

    /** The directory's events from before the contract carry no version: they have its members, and read as version 1. */
    @Test
    void eventsPublishedBeforeTheyCarriedAVersionReadAsVersionOne() {
        for (DirectoryEvent e : EVERY_TYPE) {
            Map<String, Object> old = new HashMap<>(e.data());
            old.remove(Contract.VERSION);
            assertThat(back(e, old)).isEqualTo(e);
        }
    }

    @Test
    void unknownMembersAndNewerVersionsAreRead() {
        for (DirectoryEvent e : EVERY_TYPE) {
            Map<String, Object> newer = new HashMap<>(e.data());
            newer.put(Contract.VERSION, 2);
            newer.put("somethingAddedLater", List.of("x"));
            assertThat(back(e, newer)).isEqualTo(e);
        }
    }

    @Test
    void aMissingOrMistypedMemberIsNamed() {
        DirectoryEvent approved = EVERY_TYPE.get(2);
        Map<String, Object> missing = new HashMap<>(approved.data());
        missing.remove("providerName");
        assertThatThrownBy(() -> back(approved, missing))
                .isInstanceOf(Fields.Unreadable.class)
                .hasMessage("directory.offer.approved: providerName is not a text");
        Map<String, Object> mistyped = new HashMap<>(approved.data());
        mistyped.put("areasOfSupport", List.of("CT.READ", 7));
        assertThatThrownBy(() -> back(approved, mistyped)).hasMessageContaining("areasOfSupport");
        Map<String, Object> badDate = new HashMap<>(approved.data());
        badDate.put("reviewDate", "next autumn");
        assertThatThrownBy(() -> back(approved, badDate)).hasMessageContaining("reviewDate");
        Map<String, Object> older = new HashMap<>(approved.data());
        older.put(Contract.VERSION, 0);
        assertThatThrownBy(() -> back(approved, older)).hasMessageContaining("older");
    }

    /** docs/events.md has a row for every type, and the directory's section names every member of its data. */
    @Test
    void theEventsDocumentNamesEveryTypeAndMember() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/events.md"));
        String section =
                doc.substring(doc.indexOf("## Directory"), doc.indexOf("\n## ", doc.indexOf("## Directory") + 1));
        List<String> rows =
                section.lines().filter(line -> line.startsWith("| `directory.")).toList();
        for (DirectoryEvent e : EVERY_TYPE) {
            String word = e.type().substring(e.type().lastIndexOf('.') + 1);
            assertThat(rows)
                    .as("the row of %s in docs/events.md", e.type())
                    .anySatisfy(row -> assertThat(row).containsAnyOf("`" + e.type() + "`", "`." + word + "`"));
            e.data()
                    .keySet()
                    .forEach(name -> assertThat(section)
                            .as("the directory's section names %s", name)
                            .contains("`" + name + "`"));
        }
    }

    @Test
    void otherFunctionsEventsAndUnknownDirectoryTypesAreNotTheReadersToRead() {
        assertThat(DirectoryEvent.read("ledger.transfer.created", AT, "888", Map.of()))
                .isEmpty();
        assertThat(DirectoryEvent.read("directory.offer.archived", AT, "888", Map.of()))
                .isEmpty();
        assertThat(DirectoryEvent.read("directory.provider.registered", AT, "888", Map.of()))
                .isEmpty();
    }

    /** A verification that withdrew nothing may leave {@code unverified} out, as a stored item leaves an empty list. */
    @Test
    void aDecisionsEmptyListsMayBeAbsentButItsReasonMayNot() {
        DirectoryEvent verified = EVERY_TYPE.get(12);
        Map<String, Object> bare = new HashMap<>(verified.data());
        bare.remove("unverified");
        assertThat(back(verified, bare)).isEqualTo(verified);
        DirectoryEvent refused = EVERY_TYPE.get(11);
        Map<String, Object> noReason = new HashMap<>(refused.data());
        noReason.remove("reason");
        assertThatThrownBy(() -> back(refused, noReason))
                .isInstanceOf(Fields.Unreadable.class)
                .hasMessage("directory.provider.designation-refused: reason is not a text");
    }
}

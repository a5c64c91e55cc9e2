package uk.sse.architecture.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.sse.contracts.Contract;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.DesignationEvents;
import uk.sse.directory.model.DesignationRefusal;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferEvents;
import uk.sse.directory.model.OfferLifecycle;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolEvents;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.LedgerEvents;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;
import uk.sse.ledger.model.TransferState;
import uk.sse.notifier.model.EventCatalogue;
import uk.sse.notifier.model.Notices;
import uk.sse.notifier.model.SlackMessages;
import uk.sse.notifier.model.TeamsCards;
import uk.sse.notifier.model.Watch;
import uk.sse.notifier.model.Watches;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.projection.Projector;
import uk.sse.reporting.projection.SourceItems;

/**
 * Every event type the ledger and the directory publish, built by their own code (the ledger's {@link LedgerEvents},
 * the directory's {@link OfferEvents} and {@link SchoolEvents}), fed to each consumer's reading code: reporting's
 * projection (as the item its stream or a rebuild's scan carries) and the notifier's watches, notices and messages.
 * A changed event shape fails here, in the build.
 */
class EveryConsumerReadsEveryEventTest {

    static final Instant AT = Instant.parse("2026-10-07T09:00:00Z");
    static final LocalDate REVIEW = LocalDate.of(2027, 9, 1);
    static final EventJson JSON = new EventJson(io.micronaut.serde.ObjectMapper.getDefault());

    // ------------------------------------------------------------------ the producers' events

    static List<LedgerEvent> ledgerEvents() {
        Requester school = new Requester("school-user", "SCHOOL_ADMIN", "888", "100001", null);
        List<LedgerEvent> events = new ArrayList<>();
        events.add(LedgerEvents.opened(Account.open("888", "100001"), AT));
        events.addAll(LedgerEvents.history(transfer(
                "alloc-1", "888/ISSUING", TransferKind.ALLOCATION, false, TransferState.SINGLE_PHASE, 0, null, null)));
        events.addAll(LedgerEvents.history(transfer(
                "eng-1",
                "888/100001",
                TransferKind.PAYMENT,
                true,
                TransferState.POSTED,
                9,
                AT.plusSeconds(86_400),
                school)));
        events.addAll(LedgerEvents.history(transfer(
                "eng-2",
                "888/100001",
                TransferKind.PAYMENT,
                true,
                TransferState.VOIDED,
                0,
                AT.plusSeconds(86_400),
                Requester.SWEEPER)));
        return events;
    }

    private static Transfer transfer(
            String id,
            String debit,
            TransferKind kind,
            boolean pending,
            TransferState state,
            long posted,
            Instant resolvedAt,
            Requester resolvedBy) {
        return new Transfer(
                new TransferId(id),
                new AccountId(debit),
                new AccountId(debit.equals("888/ISSUING") ? "888/100001" : "888/prv_hub"),
                12,
                kind,
                "r",
                pending,
                0,
                AT,
                null,
                state,
                posted,
                resolvedAt,
                null,
                resolvedBy,
                resolvedAt == null ? 0 : 1);
    }

    static List<DirectoryEvent> directoryEvents() {
        List<DirectoryEvent> events = new ArrayList<>();
        events.add(OfferEvents.of(offer(1, OfferStatus.DRAFT, null, List.of())));
        events.add(OfferEvents.of(offer(2, OfferStatus.DRAFT, null, List.of()))); // a content change: edited
        for (AssuranceAction action : AssuranceAction.values()) {
            OfferStatus from = switch (action) {
                case SUBMIT -> OfferStatus.DRAFT;
                case APPROVE, REJECT, REQUEST_CHANGES -> OfferStatus.SUBMITTED;
                case SUSPEND, EDIT, WITHDRAW -> OfferStatus.APPROVED;
            };
            OfferStatus to = OfferLifecycle.target(action, from);
            LocalDate review = to == OfferStatus.APPROVED ? REVIEW : null;
            events.add(OfferEvents.of(offer(
                    3,
                    to,
                    review,
                    List.of(new AssuranceRecord(
                            AT,
                            "assurer-1",
                            action,
                            from,
                            to,
                            action == AssuranceAction.REJECT ? "no evidence" : null,
                            review,
                            3)))));
        }
        School before = school("888", "Lancashire", null);
        School after = school("889", "Blackburn", null);
        events.add(SchoolEvents.moved(before, after, "imp_1", AT));
        events.add(SchoolEvents.closed(school("888", "Lancashire", LocalDate.of(2026, 8, 31)), "Closed", "imp_1", AT));
        Provider claimed = new Provider(
                "prv_hub",
                ProviderType.HUB,
                "Moorside Hub",
                "888",
                null,
                null,
                null,
                List.of(Designation.MATHS_HUB, Designation.ENGLISH_HUB),
                List.of(),
                null,
                null,
                1,
                AT,
                AT);
        Provider refused = claimed.nextWithDesignations(
                List.of(Designation.ENGLISH_HUB),
                List.of(),
                List.of(new DesignationRefusal(Designation.MATHS_HUB, "not a hub", "assurer-1", AT)),
                AT);
        events.add(DesignationEvents.refused(refused, Designation.MATHS_HUB));
        events.add(DesignationEvents.verified(
                        refused,
                        refused.nextWithDesignations(
                                refused.designations(), List.of(Designation.ENGLISH_HUB), List.of(), AT),
                        "assurer-1")
                .orElseThrow());
        return events;
    }

    private static Offer offer(long version, OfferStatus status, LocalDate review, List<AssuranceRecord> history) {
        OfferContent content = new OfferContent(
                "Phonics that sticks",
                "Coaching for early reading",
                List.of("CT.READ"),
                List.of(Phase.PRIMARY),
                List.of(DeliveryMode.IN_SCHOOL),
                BigDecimal.TEN,
                4,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Offer(
                "off_1",
                "prv_hub",
                "Moorside Hub",
                ProviderType.HUB,
                "888",
                List.of(),
                content,
                status,
                review,
                history,
                version,
                AT,
                AT,
                null);
    }

    private static School school(String laCode, String laName, LocalDate closedOn) {
        return new School(
                "100001",
                "Moorside Primary",
                laCode,
                laName,
                "Community school",
                closedOn == null ? "Open" : "Closed",
                "Primary",
                null,
                null,
                null,
                null,
                null,
                null,
                "Preston",
                "PR1 1AA",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                closedOn);
    }

    static EventEnvelope envelope(Contract c) {
        return new EventEnvelope(c.type(), c.eventId(), c.occurredAt(), c.area(), c.data());
    }

    @Test
    void theProducersBuildEveryTypeTheyPublish() {
        assertThat(ledgerEvents())
                .extracting(Contract::type)
                .containsOnly(
                        LedgerEvent.ACCOUNT_OPENED,
                        LedgerEvent.TRANSFER_CREATED,
                        LedgerEvent.TRANSFER_POSTED,
                        LedgerEvent.TRANSFER_VOIDED)
                .contains(
                        LedgerEvent.ACCOUNT_OPENED,
                        LedgerEvent.TRANSFER_CREATED,
                        LedgerEvent.TRANSFER_POSTED,
                        LedgerEvent.TRANSFER_VOIDED);
        Set<String> directoryTypes =
                directoryEvents().stream().map(Contract::type).collect(Collectors.toSet());
        assertThat(directoryTypes)
                .containsAll(Arrays.stream(DirectoryEvent.OfferStep.values())
                        .map(DirectoryEvent.OfferStep::type)
                        .toList())
                .contains(DirectoryEvent.SCHOOL_MOVED, DirectoryEvent.SCHOOL_CLOSED)
                .contains(DirectoryEvent.DESIGNATION_REFUSED, DirectoryEvent.DESIGNATIONS_VERIFIED)
                .hasSize(12);
    }

    // ------------------------------------------------------------------ reporting

    /** Reporting reads each from the event item alone: whatever the producer's keys, it names none of them. */
    @Test
    void reportingProjectsEveryLedgerEventAndEveryOfferEventAndPassesOverSchoolEvents() {
        Projector projector = new Projector(new SourceItems(JSON), null, null, null, Clock.systemUTC());
        List<Change> changes = new ArrayList<>();
        for (Contract c : concat(ledgerEvents(), directoryEvents())) {
            EventEnvelope e = envelope(c);
            SourceItems.Read read =
                    projector.readScanned(EventItems.item("any-key", "any-sort-key", e, JSON.write(e)), AT);
            if (c instanceof DirectoryEvent.SchoolMoved
                    || c instanceof DirectoryEvent.SchoolClosed
                    || c instanceof DirectoryEvent.DesignationDecision) {
                assertThat(read).as(c.type()).isInstanceOf(SourceItems.Read.Ignored.class);
            } else {
                assertThat(read).as(c.type()).isInstanceOf(SourceItems.Read.Changed.class);
                changes.add(((SourceItems.Read.Changed) read).change());
            }
        }
        assertThat(changes)
                .filteredOn(Change.LedgerAccount.class::isInstance)
                .singleElement()
                .isEqualTo(new Change.LedgerAccount("888/100001", "888", "100001", false));
        assertThat(changes)
                .filteredOn(Change.LedgerTransfer.class::isInstance)
                .map(Change.LedgerTransfer.class::cast)
                .extracting(
                        Change.LedgerTransfer::transferId,
                        Change.LedgerTransfer::state,
                        Change.LedgerTransfer::movedAmount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alloc-1", "SINGLE_PHASE", 12L),
                        org.assertj.core.groups.Tuple.tuple("eng-1", "PENDING", 0L),
                        org.assertj.core.groups.Tuple.tuple("eng-1", "POSTED", 9L),
                        org.assertj.core.groups.Tuple.tuple("eng-2", "PENDING", 0L),
                        org.assertj.core.groups.Tuple.tuple("eng-2", "VOIDED", 0L));
        assertThat(changes)
                .filteredOn(Change.OfferVersion.class::isInstance)
                .map(Change.OfferVersion.class::cast)
                .hasSize(9)
                .allSatisfy(o -> assertThat(List.of(o.offerId(), o.providerName(), o.title()))
                        .containsExactly("off_1", "Moorside Hub", "Phonics that sticks"));
    }

    // ------------------------------------------------------------------ the notifier

    @Test
    void theNotifierWatchesAnApprovedOfferAndNothingElseOfTheseProducers() {
        for (Contract c : concat(ledgerEvents(), directoryEvents())) {
            Watches.Change change = Watches.apply(null, envelope(c));
            if (c instanceof DirectoryEvent.OfferChanged o && o.step() == DirectoryEvent.OfferStep.APPROVED) {
                assertThat(change)
                        .isInstanceOfSatisfying(
                                Watches.Change.Put.class,
                                put -> assertThat(put.watch())
                                        .extracting(Watch::stage, Watch::dueBy, Watch::organisation, Watch::version)
                                        .containsExactly(Watch.Stage.ASSURED, REVIEW, "prv_hub", 3L));
            } else {
                assertThat(change).as(c.type()).isInstanceOf(Watches.Change.Keep.class);
            }
        }
    }

    /** A closed school, as the register's import builds it, is told to the brokers of its watched requests (0108). */
    @Test
    void theNotifierReadsAClosedSchoolAndTellsTheBrokersOfItsWatchedRequests() {
        for (Contract c : concat(ledgerEvents(), directoryEvents())) {
            EventEnvelope e = envelope(c);
            var closed = uk.sse.notifier.model.DirectoryEvents.schoolClosed(e);
            assertThat(closed.isPresent()).as(c.type()).isEqualTo(c instanceof DirectoryEvent.SchoolClosed);
            closed.ifPresent(s -> {
                Watch open = new Watch(
                        "REQUEST#R-1",
                        2,
                        Watch.Stage.ENGAGED,
                        "trust-2044",
                        "Ash Primary",
                        "/support-requests/R-1",
                        "prv_hub",
                        null,
                        null,
                        s.urn());
                assertThat(Notices.schoolClosed(e, s, List.of(open)))
                        .singleElement()
                        .satisfies(n -> {
                            assertThat(n.kind()).isEqualTo(uk.sse.notifier.model.NoticeKind.SCHOOL_CLOSED);
                            assertThat(n.audience())
                                    .isEqualTo(uk.sse.notifier.model.Audience.role(
                                            uk.sse.kernel.identity.Role.BROKER, "trust-2044"));
                            assertThat(n.link()).isEqualTo("/support-requests/R-1");
                            assertThat(n.title()).startsWith(s.name() + " closed on ");
                        });
            });
        }
    }

    @Test
    void theNotifierTellsAssurersOfAnOfferAwaitingThemAndFormatsEveryOfferEvent() {
        for (Contract c : concat(ledgerEvents(), directoryEvents())) {
            EventEnvelope e = envelope(c);
            boolean awaits = c instanceof DirectoryEvent.OfferChanged o && "SUBMITTED".equals(o.status())
                    || c instanceof DirectoryEvent.DesignationDecision; // the provider's members are told
            assertThat(Notices.of(e, null)).as(c.type()).hasSize(awaits ? 1 : 0);
            if (c instanceof DirectoryEvent.OfferChanged) {
                assertThat(EventCatalogue.isKnown(c.type())).as(c.type()).isTrue();
                assertThat(SlackMessages.of(e, "https://sse.example.test", Taxonomy.standard())
                                .toString())
                        .contains("Phonics that sticks");
                assertThat(TeamsCards.of(e, "https://sse.example.test", Taxonomy.standard())
                                .toString())
                        .contains("Phonics that sticks");
            }
        }
    }

    private static List<Contract> concat(List<? extends Contract> a, List<? extends Contract> b) {
        List<Contract> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.kernel.events.EventEnvelope;

/**
 * What is watched and when reminders fall due: a reminder made by any later sweep is the same notice (so it is stored
 * and emailed once); nothing is due before its time; an event read again or late changes nothing; a closed request is
 * forgotten.
 */
class RemindersPropertyTest {

    static final Instant RAISED = Instant.parse("2026-01-05T09:00:00Z");
    static final LocalDate WANTED_BY = LocalDate.parse("2026-03-01");
    static final Reminders.Rules RULES =
            new Reminders.Rules(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(30));

    @Property
    void aRemindersIdIsTheSameOnEverySweepAfterItFallsDue(
            @ForAll @IntRange(min = 0, max = 400) int hoursAfter, @ForAll @IntRange(min = 0, max = 400) int moreHours) {
        Watch waiting = watch(event("brokerage.request.created", 1, "OPEN"));
        Instant due = RAISED.plus(RULES.waitingTarget());
        Instant first = due.plus(Duration.ofHours(hoursAfter));
        Instant later = first.plus(Duration.ofHours(moreHours));
        List<Notice> atFirst = Reminders.due(waiting, first, RULES);
        assertThat(atFirst).extracting(Notice::kind).contains(NoticeKind.REQUEST_WAITING);
        assertThat(Reminders.due(waiting, later, RULES))
                .extracting(Notice::id)
                .containsAll(atFirst.stream().map(Notice::id).toList());
        assertThat(Reminders.due(waiting, due.minusSeconds(1), RULES))
                .extracting(Notice::kind)
                .doesNotContain(NoticeKind.REQUEST_WAITING);
    }

    @Property
    void anEngagementIsOverdueOnlyAfterItsDate(@ForAll @IntRange(min = -60, max = 60) int days) {
        Watch engaged = apply(
                watch(event("brokerage.request.created", 1, "OPEN")),
                event("brokerage.engagement.agreed", 4, "AGREED"));
        assertThat(engaged.stage()).isEqualTo(Watch.Stage.ENGAGED);
        assertThat(engaged.organisation()).isEqualTo("prv_1");
        Instant at = WANTED_BY
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(Duration.ofDays(days))
                .plusSeconds(3600);
        List<NoticeKind> kinds =
                Reminders.due(engaged, at, RULES).stream().map(Notice::kind).toList();
        assertThat(kinds.contains(NoticeKind.ENGAGEMENT_OVERDUE)).isEqualTo(days >= 1);
        assertThat(kinds).doesNotContain(NoticeKind.REQUEST_WAITING, NoticeKind.WANTED_BY_NEAR);
    }

    @Property(tries = 20)
    void anEventReadAgainOrLateChangesNothingAndClosingForgets(@ForAll @IntRange(min = 1, max = 3) int older) {
        Watch proposed = apply(
                watch(event("brokerage.request.created", 1, "OPEN")),
                event("brokerage.request.proposed", 4, "PROPOSED"));
        assertThat(Watches.apply(proposed, event("brokerage.request.created", 4 - older, "OPEN")))
                .isInstanceOf(Watches.Change.Keep.class);
        assertThat(Watches.apply(proposed, event("brokerage.request.cancelled", 5, "CANCELLED")))
                .isEqualTo(new Watches.Change.Forget("REQUEST#R-1"));
    }

    private static Watch watch(EventEnvelope created) {
        return apply(null, created);
    }

    private static Watch apply(Watch current, EventEnvelope e) {
        Watches.Change change = Watches.apply(current, e);
        assertThat(change).isInstanceOf(Watches.Change.Put.class);
        return ((Watches.Change.Put) change).watch();
    }

    /** An event of the brokerage's contract (its own model makes these; here each field is chosen). */
    private static EventEnvelope event(String type, int version, String to) {
        Instant at = RAISED.plus(Duration.ofHours(version - 1));
        BrokerageEvent.Request r = new BrokerageEvent.Request(
                "R-1",
                version,
                "100001",
                "Ash Primary",
                List.of("CT.READ"),
                "HIGH",
                "ACT",
                version == 1 ? null : "OPEN",
                to,
                "ann",
                "ADVISER");
        BrokerageEvent e = switch (type) {
            case BrokerageEvent.REQUEST_CREATED ->
                new BrokerageEvent.RequestCreated(at, "877", r, "phonics", 4, List.of(), WANTED_BY, 20, List.of());
            case BrokerageEvent.REQUEST_PROPOSED ->
                new BrokerageEvent.RequestProposed(
                        at, "877", r, List.of(new BrokerageEvent.Proposal("P1", "O-1", "prv_1", 4, 20, "PROPOSED")));
            case BrokerageEvent.ENGAGEMENT_AGREED ->
                new BrokerageEvent.EngagementAgreed(
                        at,
                        "877",
                        r,
                        new BrokerageEvent.Engagement(
                                "R-1.P1", "brk:R-1.P1.v3", "P1", "O-1", "prv_1", 4, 20, "HELD", 0, 0));
            case BrokerageEvent.REQUEST_CANCELLED ->
                new BrokerageEvent.RequestCancelled(at, "877", r, "no longer needed", null);
            default -> throw new IllegalArgumentException(type);
        };
        return new EventEnvelope(e.type(), e.eventId(), e.occurredAt(), e.area(), e.data());
    }
}

package uk.sse.notifier.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import uk.sse.kernel.identity.Role;

/**
 * The reminders that are due on a watched request or offer at a moment (decision 0076). Pure. Each is a {@link Notice}
 * whose source is {@code reminder/<kind>/<watch key>/<due date>} and whose time is the moment it fell due, so the same
 * reminder made by every later sweep is the same notice (stored once, emailed once); a new due date (a changed
 * wanted-by or review date) is a new reminder.
 * <ul>
 *   <li>{@link NoticeKind#REQUEST_WAITING}: waiting to be brokered longer than the area's target, to the area's brokers;</li>
 *   <li>{@link NoticeKind#WANTED_BY_NEAR}: not yet agreed and its wanted-by date is {@code wantedByNear} away, to the brokers;</li>
 *   <li>{@link NoticeKind#ENGAGEMENT_OVERDUE}: agreed or in delivery after its wanted-by date (the date it was expected
 *       complete), to the brokers and the provider;</li>
 *   <li>{@link NoticeKind#REVIEW_DUE}: an assured offer's review date is {@code reviewNear} away, to the provider and the
 *       area's assurers.</li>
 * </ul>
 */
public final class Reminders {

    public record Rules(Duration waitingTarget, Duration wantedByNear, Duration reviewNear) {}

    private Reminders() {}

    public static List<Notice> due(Watch w, Instant now, Rules rules) {
        List<Notice> out = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Audience brokers = Audience.role(Role.BROKER, w.area());
        switch (w.stage()) {
            case WAITING, PROPOSED -> {
                if (w.stage() == Watch.Stage.WAITING && w.waitingSince() != null) {
                    Instant due = w.waitingSince().plus(rules.waitingTarget());
                    if (!now.isBefore(due)) {
                        out.add(notice(
                                w,
                                brokers,
                                NoticeKind.REQUEST_WAITING,
                                LocalDate.ofInstant(due, ZoneOffset.UTC),
                                due,
                                "The request for " + w.name() + " has waited longer than "
                                        + rules.waitingTarget().toDays() + " days to be brokered"));
                    }
                }
                if (w.dueBy() != null) {
                    Instant due =
                            w.dueBy().atStartOfDay(ZoneOffset.UTC).toInstant().minus(rules.wantedByNear());
                    if (!now.isBefore(due) && !today.isAfter(w.dueBy())) {
                        out.add(notice(
                                w,
                                brokers,
                                NoticeKind.WANTED_BY_NEAR,
                                w.dueBy(),
                                due,
                                w.name() + " wants support by " + w.dueBy() + " and none is agreed yet"));
                    }
                }
            }
            case ENGAGED -> {
                if (w.dueBy() != null && today.isAfter(w.dueBy())) {
                    Instant due =
                            w.dueBy().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    String title = "Support for " + w.name() + " was expected complete by " + w.dueBy() + " and is not";
                    out.add(notice(w, brokers, NoticeKind.ENGAGEMENT_OVERDUE, w.dueBy(), due, title));
                    if (w.organisation() != null) {
                        out.add(notice(
                                w,
                                Audience.organisation(w.organisation()),
                                NoticeKind.ENGAGEMENT_OVERDUE,
                                w.dueBy(),
                                due,
                                title));
                    }
                }
            }
            case ASSURED -> {
                Instant due = w.dueBy().atStartOfDay(ZoneOffset.UTC).toInstant().minus(rules.reviewNear());
                if (!now.isBefore(due)) {
                    String title = w.name() + " is due for review by " + w.dueBy();
                    out.add(notice(
                            w, Audience.role(Role.ASSURER, w.area()), NoticeKind.REVIEW_DUE, w.dueBy(), due, title));
                    if (w.organisation() != null) {
                        out.add(notice(
                                w,
                                Audience.organisation(w.organisation()),
                                NoticeKind.REVIEW_DUE,
                                w.dueBy(),
                                due,
                                title));
                    }
                }
            }
            default -> {}
        }
        return List.copyOf(out);
    }

    private static Notice notice(
            Watch w, Audience audience, NoticeKind kind, LocalDate dueDate, Instant dueAt, String title) {
        return Notice.of(
                audience,
                kind,
                "reminder/" + kind.apiName() + "/" + w.key() + "/" + dueDate,
                w.area(),
                title,
                w.link(),
                dueAt);
    }
}

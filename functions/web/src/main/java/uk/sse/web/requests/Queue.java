package uk.sse.web.requests;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.taxonomy.Taxonomy;
import uk.sse.kernel.taxonomy.Term;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Brokerage;
import uk.sse.web.api.Paths;
import uk.sse.web.forms.Choice;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * A broker's queue: the area's requests still in hand, most urgent then oldest first (the brokerage's order), each saying
 * what it waits for, whether that is the broker, how long it has waited and how near its wanted-by date is; filtered by
 * status, area of support and school.
 */
@Singleton
public class Queue {

    /** How near a wanted-by date must be to be flagged. */
    static final int DUE_SOON_DAYS = 14;

    private static final List<String> IN_HAND =
            List.of("OPEN", "PROPOSED", "ACCEPTED", "AGREED", "IN_DELIVERY", "COMPLETED");
    private static final Map<String, String> BROKERS_STEP =
            Map.of("PROPOSE", "Propose support", "START_DELIVERY", "Start delivery", "COMPLETE", "Record the delivery");
    private static final Map<String, String> WAITING_FOR = Map.of(
            "PROPOSED",
            "Waiting for the provider to answer",
            "ACCEPTED",
            "Waiting for the school to agree",
            "COMPLETED",
            "Waiting for the ratings");
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final Api api;
    private final Pages pages;
    private final Clock clock;

    public Queue(Api api, Pages pages) {
        this.api = api;
        this.pages = pages;
        this.clock = Clock.system(ENGLAND);
    }

    public HttpResponse<?> page(
            HttpRequest<?> request, Person person, String status, String areaOfSupport, String urn, String cursor) {
        String chosenStatus = status != null && IN_HAND.contains(status) ? status : "";
        String chosenArea = areaOfSupport != null && Taxonomy.standard().isKnown(areaOfSupport) ? areaOfSupport : "";
        String chosenSchool = urn != null && urn.matches("[0-9]{6,7}") ? urn : "";
        Paths query = Paths.of("/requests")
                .query("listing", "queue")
                .query("limit", 20)
                .query("cursor", cursor)
                .query("status", chosenStatus.isEmpty() ? IN_HAND : List.of(chosenStatus))
                .query("areaOfSupport", chosenArea)
                .query("urn", chosenSchool);
        ApiReply reply = api.get(person, query.toString());
        if (reply.refused()) {
            throw new PageNotFound("queue");
        }
        Brokerage.RequestPage found = reply.as(Brokerage.RequestPage.class);
        LocalDate today = LocalDate.now(clock);
        List<RequestPages.QueueRow> rows =
                found.items().stream().map(r -> row(r, today)).toList();
        String schoolName = chosenSchool.isEmpty()
                ? null
                : found.items().stream()
                        .map(Brokerage.Request::schoolName)
                        .filter(n -> n != null)
                        .findFirst()
                        .orElse("the school chosen");
        String more = found.next() == null
                ? null
                : filtered(chosenStatus, chosenArea, chosenSchool)
                        .query("cursor", found.next())
                        .toString();
        String withoutSchool = filtered(chosenStatus, chosenArea, "").toString();
        var page = new RequestPages.QueuePage(
                rows,
                statusChoices(chosenStatus),
                areaChoices(chosenArea),
                chosenSchool,
                schoolName,
                withoutSchool,
                more,
                !chosenStatus.isEmpty() || !chosenArea.isEmpty() || !chosenSchool.isEmpty());
        return pages.ok(request, "requests/queue", "Your queue", page);
    }

    /** The queue's own address with these filters (an empty one is none). */
    private static Paths filtered(String status, String areaOfSupport, String urn) {
        return Paths.of("/support-requests")
                .query("status", status)
                .query("areaOfSupport", areaOfSupport)
                .query("urn", urn);
    }

    private static RequestPages.QueueRow row(Brokerage.Request r, LocalDate today) {
        LocalDate raised = Labels.parseDay(r.raisedAt()).orElse(today);
        long waited = ChronoUnit.DAYS.between(raised, today);
        List<Labels.Tag> flags = new ArrayList<>();
        if (r.bySchool()) {
            flags.add(Labels.RAISED_BY_SCHOOL);
        }
        if ("URGENT".equals(r.urgency())) {
            flags.add(new Labels.Tag("Urgent", "red"));
        } else if ("HIGH".equals(r.urgency())) {
            flags.add(new Labels.Tag("High urgency", "orange"));
        }
        LocalDate wantedBy = Labels.parseDay(r.wantedBy()).orElse(null);
        boolean beforeDelivery = !"COMPLETED".equals(r.status());
        if (wantedBy != null && beforeDelivery) {
            long left = ChronoUnit.DAYS.between(today, wantedBy);
            if (left < 0) {
                flags.add(new Labels.Tag("Overdue: wanted by " + Labels.day(r.wantedBy()), "red"));
            } else if (left <= DUE_SOON_DAYS) {
                flags.add(new Labels.Tag(left == 0 ? "Wanted today" : "Wanted within " + Labels.days(left), "yellow"));
            }
        }
        String yours = r.allowedActions() == null
                ? null
                : r.allowedActions().stream()
                        .map(BROKERS_STEP::get)
                        .filter(s -> s != null)
                        .findFirst()
                        .orElse(null);
        String next = yours != null ? yours : WAITING_FOR.getOrDefault(r.status(), "Waiting");
        return new RequestPages.QueueRow(
                "/support-requests/" + Paths.encode(r.id()),
                r.schoolName(),
                Paths.of("/support-requests").query("urn", r.urn()).toString(),
                r.need(),
                Labels.areas(r.areasOfSupport()),
                Labels.requestStatus(r.status()),
                flags,
                next,
                yours != null,
                Labels.day(r.raisedAt()),
                waited == 0 ? "Raised today" : "Waiting " + Labels.days(waited),
                Labels.day(r.wantedBy()),
                Labels.days(r.daysWanted()) + ", " + Labels.credits(r.credits()));
    }

    private static List<Choice> statusChoices(String chosen) {
        List<Choice> choices = new ArrayList<>(List.of(new Choice("", "Any still in hand", chosen.isEmpty())));
        IN_HAND.forEach(s -> choices.add(new Choice(s, Labels.requestStatus(s).text(), s.equals(chosen))));
        return choices;
    }

    private static List<Choice> areaChoices(String chosen) {
        List<Choice> choices = new ArrayList<>(List.of(new Choice("", "Any area of support", chosen.isEmpty())));
        for (Term t : Taxonomy.standard().terms()) {
            choices.add(new Choice(
                    t.code(),
                    t.parent() == null ? t.label() : "\u2014 " + t.label(),
                    t.code().equals(chosen)));
        }
        return choices;
    }
}

package uk.sse.brokerage.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.Brokerage;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Command;
import uk.sse.brokerage.model.DeliveryMode;
import uk.sse.brokerage.model.Policy;
import uk.sse.brokerage.model.Result;
import uk.sse.brokerage.model.Suggestion;
import uk.sse.brokerage.model.Urgency;
import uk.sse.kernel.area.DefinedAreas;
import uk.sse.kernel.idempotency.IdempotencyKey;
import uk.sse.kernel.idempotency.PriorRequest;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.problem.ServiceBusy;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * An adviser raises a request for a school in their area, on a visit whose connection may drop: the same
 * Idempotency-Key with the same request answers the request the first try made. The school must be in the register,
 * open (none is raised for a school the register says has closed, whoever asks) and a member of an area the person
 * advises in (an LA's, a trust's, a partnership's: decision 0080), in whose queue the request then is; the offers the
 * adviser liked come first (each must be one the directory shows them), then
 * the directory's search suggests more, up to ten (none of the school's own), stored with the request. If search
 * cannot answer, the request is raised without suggestions (the adviser is not kept waiting) and says so.
 * A school's own people may raise a request for their school, and only for it, where an area the school belongs to
 * lets its schools do so (decision 0081); it goes to that area's queue, and the request shows the school raised it.
 */
@Singleton
public class RaiseRequest {

    private static final Logger LOG = LoggerFactory.getLogger(RaiseRequest.class);

    /** What the adviser asks for, with the offers they liked on the visit (none, or up to ten). */
    public record Form(
            String urn,
            List<String> areasOfSupport,
            String need,
            Urgency urgency,
            int daysWanted,
            List<DeliveryMode> deliveryModes,
            LocalDate wantedBy,
            long credits,
            List<String> likedOffers) {
        public Form {
            likedOffers = likedOffers == null ? List.of() : List.copyOf(likedOffers);
        }
    }

    /** The request, and whether this answer repeats an earlier one or was raised without search's suggestions. */
    public record Raised(BrokerageRequest request, boolean replayed, boolean suggestionsUnavailable) {}

    private final RequestStore store;
    private final Directory directory;
    private final Clock clock;
    private final BrokerageMetrics metrics;

    public RaiseRequest(RequestStore store, Directory directory, Clock clock, BrokerageMetrics metrics) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Outcome<Raised> raise(Caller caller, Form form, String idempotencyKey) {
        List<Membership> advising = caller.membershipsAs(Role.ADVISER);
        if (advising.isEmpty() && caller.membershipsAs(Role.PROVIDER).isEmpty()) {
            return Outcome.forbidden(WHO_RAISES);
        }
        IdempotencyKey key = IdempotencyKey.of(caller.subject(), idempotencyKey, form);
        Optional<PriorRequest> prior = store.priorRequest(key);
        if (prior.isPresent()) {
            return replay(key, prior.get());
        }
        List<Outcome.Violation> unknown = new ArrayList<>();
        for (int i = 0;
                form.areasOfSupport() != null && i < form.areasOfSupport().size();
                i++) {
            String code = form.areasOfSupport().get(i);
            if (code != null && !Taxonomy.standard().isKnown(code)) {
                unknown.add(
                        new Outcome.Violation("/areasOfSupport/" + i, "is not a code of the taxonomy (see /taxonomy)"));
            }
        }
        if (!unknown.isEmpty()) {
            return Outcome.invalid(unknown);
        }
        Directory.School school = switch (directory.school(caller, form.urn())) {
            case Lookup.Found<Directory.School> found -> found.value();
            case Lookup.Missing<Directory.School> missing -> null;
            case Lookup.Unavailable<Directory.School> down ->
                throw new ServiceBusy("the directory did not answer: " + down.why(), null);
        };
        if (school == null) {
            return Outcome.invalid("/urn", "no school with URN " + form.urn() + " is in the register");
        }
        Outcome<Raising> raisingHere = raisingFor(caller, advising, school);
        if (!(raisingHere instanceof Outcome.Done<Raising>(Raising as))) {
            return raisingHere.map(m -> (Raised) null);
        }
        Caller adviser = caller.wearing(as.membership()).orElseThrow();
        Actor actor = Actors.of(adviser);
        if (!Policy.mayRaise(actor, as.area(), form.urn())) {
            return Outcome.forbidden(WHO_RAISES);
        }
        if (!school.open()) {
            return Outcome.invalid("/urn", closed(school));
        }
        List<Suggestion> liked = new ArrayList<>();
        List<Outcome.Violation> unseen = new ArrayList<>();
        for (int i = 0; i < form.likedOffers().size(); i++) {
            String offerId = form.likedOffers().get(i);
            switch (directory.offer(adviser, offerId)) {
                case Lookup.Found<Directory.Offer> found -> {
                    if (found.value().providerId().equals(form.urn())) {
                        unseen.add(new Outcome.Violation("/likedOffers/" + i, "is the school's own offer"));
                    } else if (liked.stream().noneMatch(l -> l.offerId().equals(offerId))) {
                        liked.add(new Suggestion(
                                offerId,
                                found.value().providerId(),
                                found.value().title(),
                                found.value().providerName(),
                                null,
                                found.value().priceCredits(),
                                true));
                    }
                }
                case Lookup.Missing<Directory.Offer> missing ->
                    unseen.add(new Outcome.Violation(
                            "/likedOffers/" + i,
                            "is not an offer you can see: it may have been withdrawn or be past its review date"));
                case Lookup.Unavailable<Directory.Offer> down ->
                    throw new ServiceBusy("the directory did not answer: " + down.why(), null);
            }
        }
        if (!unseen.isEmpty()) {
            return Outcome.invalid(unseen);
        }
        List<Suggestion> suggestions = List.copyOf(liked);
        boolean unavailable = false;
        boolean searched =
                form.areasOfSupport() != null && !form.areasOfSupport().isEmpty();
        if (searched) {
            // twice as many as kept: the school's own offers are dropped, as it cannot be its own provider
            switch (directory.suggest(adviser, school, form.areasOfSupport(), 2 * Brokerage.MAX_SUGGESTIONS)) {
                case Lookup.Found<List<Suggestion>> found ->
                    suggestions = java.util.stream.Stream.concat(
                                    liked.stream(),
                                    found.value().stream()
                                            .filter(s -> !s.providerId().equals(form.urn())
                                                    && liked.stream()
                                                            .noneMatch(l ->
                                                                    l.offerId().equals(s.offerId()))))
                            .limit(Brokerage.MAX_SUGGESTIONS)
                            .toList();
                case Lookup.Missing<List<Suggestion>> none -> {}
                case Lookup.Unavailable<List<Suggestion>> down -> {
                    LOG.warn("raising without suggestions: {}", down.why());
                    unavailable = true;
                }
            }
        }
        Command.Raise raise = new Command.Raise(
                actor,
                clock.instant(),
                Ids.newId("req", clock),
                form.urn(),
                as.area(),
                form.areasOfSupport(),
                form.need(),
                form.urgency(),
                form.daysWanted(),
                form.deliveryModes(),
                form.wantedBy(),
                form.credits(),
                suggestions,
                school.name());
        return switch (Brokerage.raise(raise)) {
            case Result.Refused refused -> RefusedRaise.outcome(refused);
            case Result.Applied applied -> {
                if (!store.create(applied, key)) {
                    yield replay(
                            key,
                            store.priorRequest(key)
                                    .orElseThrow(() -> new IllegalStateException("request "
                                            + applied.request().id() + " was refused, but no key holds another")));
                }
                if (searched && !unavailable) {
                    metrics.searched(as.area(), suggestions.isEmpty());
                }
                yield Outcome.done(new Raised(applied.request(), false, unavailable));
            }
        };
    }

    /** The membership a request is raised in, and the area whose queue it goes to. */
    private record Raising(Membership membership, String area) {}

    private static final String WHO_RAISES = "only an adviser may raise a request, for a school in their own area, "
            + "or a school for itself where its area lets schools raise requests";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    /** Why no request is raised for a closed school, in the words its adviser reads against the school. */
    private static String closed(Directory.School school) {
        return school.name() + " is closed"
                + (school.closedOn() == null ? "" : " (the register says since " + DAY.format(school.closedOn()) + ")")
                + ": requests are raised only for open schools";
    }

    /**
     * Who raises it: an adviser whose area includes the school; else the school's own member, in an area of the school's
     * that lets schools raise requests (the area of their membership first, decision 0081); else refused, naming why.
     */
    private Outcome<Raising> raisingFor(Caller caller, List<Membership> advising, Directory.School school) {
        DefinedAreas areas = directory.areas();
        boolean advises = advising.stream().anyMatch(m -> areas.includes(m.area(), school.facts()));
        List<Membership> ofTheSchool = caller.membershipsAs(Role.PROVIDER).stream()
                .filter(m -> m.belongsTo(school.urn()))
                .toList();
        if (advises || ofTheSchool.isEmpty()) {
            if (advising.isEmpty()) {
                return Outcome.forbidden(
                        "a school raises requests only for itself: you are not a member of school " + school.urn());
            }
            return advisingFor(caller, advising, school, areas).map(m -> new Raising(m, m.area()));
        }
        List<Membership> hatFirst = java.util.stream.Stream.concat(
                        caller.hat().filter(ofTheSchool::contains).stream(), ofTheSchool.stream())
                .distinct()
                .toList();
        return areas.whereSchoolRaises(
                        school.facts(),
                        hatFirst.stream()
                                .map(Membership::area)
                                .filter(java.util.Objects::nonNull)
                                .toList())
                .<Outcome<Raising>>map(area -> Outcome.done(new Raising(hatFirst.getFirst(), area)))
                .orElseGet(() -> Outcome.forbidden(
                        "no area that " + school.name() + " belongs to lets its schools raise requests "
                                + "for themselves: ask the school's adviser to raise it"));
    }

    /**
     * The adviser's membership the request is raised in: one whose area the school is a member of, the hat if it is one
     * (decision 0080). The request goes to that area's queue.
     */
    private Outcome<Membership> advisingFor(
            Caller caller, List<Membership> advising, Directory.School school, DefinedAreas areas) {
        List<Membership> including = advising.stream()
                .filter(m -> areas.includes(m.area(), school.facts()))
                .toList();
        if (including.isEmpty()) {
            String yours = advising.stream().map(Membership::area).distinct().collect(Collectors.joining(", "));
            return Outcome.invalid(
                    "/urn",
                    "school " + school.urn() + " (LA " + school.laCode()
                            + (school.trustCode() == null ? "" : ", trust " + school.trustCode())
                            + ") is not in your area " + yours);
        }
        Optional<Membership> hat = caller.hat().filter(including::contains);
        if (hat.isPresent() || including.size() == 1) {
            return Outcome.done(hat.orElse(including.getFirst()));
        }
        return Outcome.invalid(
                "/urn",
                "school " + school.urn() + " is in more than one of your areas ("
                        + including.stream().map(Membership::area).collect(Collectors.joining(", "))
                        + "): say which you act in with the Membership header");
    }

    private Outcome<Raised> replay(IdempotencyKey key, PriorRequest prior) {
        if (!key.sameRequestAs(prior.requestHash())) {
            return Outcome.invalid(
                    "Idempotency-Key", "was used for a different request; use a new key for a new request");
        }
        return store.find(prior.resultId())
                .<Outcome<Raised>>map(r -> Outcome.done(new Raised(r, true, false)))
                .orElseThrow(() ->
                        new IllegalStateException("key names request " + prior.resultId() + ", which is not stored"));
    }
}

package uk.sse.notifier.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.sse.contracts.brokerage.BrokerageEvent;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;

/**
 * What narrows a subscription beyond its event types. An area of support matches its own code and every code
 * beneath it (a filter of {@code INC.SEND} matches a request for {@code INC.SEND.ASD}). A filter constrains only the
 * events that carry its attribute: offers have no urgency, so an urgency filter lets them through; an event without
 * areas of support (a notifier event) passes an areas filter. Empty filters match everything.
 */
public record Filters(List<String> areasOfSupport, Set<Urgency> urgencies) {

    public static final int MAX_AREAS_OF_SUPPORT = 20;
    public static final Filters NONE = new Filters(List.of(), Set.of());

    public Filters {
        areasOfSupport = areasOfSupport == null ? List.of() : List.copyOf(areasOfSupport);
        urgencies = urgencies == null || urgencies.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(urgencies));
    }

    public boolean matches(EventEnvelope event, Taxonomy taxonomy) {
        return matchesAreas(event, taxonomy) && matchesUrgency(event);
    }

    private boolean matchesAreas(EventEnvelope event, Taxonomy taxonomy) {
        List<String> codes = areasOf(event);
        if (areasOfSupport.isEmpty() || codes == null) {
            return true;
        }
        for (String code : codes) {
            List<String> lineage = taxonomy.isKnown(code) ? taxonomy.lineage(code) : List.of(code);
            if (lineage.stream().anyMatch(areasOfSupport::contains)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesUrgency(EventEnvelope event) {
        String urgency = event.source().equals("brokerage")
                ? BrokerageEvents.request(event)
                        .map(BrokerageEvent.Request::urgency)
                        .orElse(null)
                : null;
        return urgencies.isEmpty()
                || urgency == null
                || urgencies.stream().anyMatch(u -> u.name().equals(urgency));
    }

    /** The event's areas of support, or null if it carries none. */
    private static List<String> areasOf(EventEnvelope event) {
        if (event.source().equals("brokerage")) {
            return BrokerageEvents.request(event)
                    .map(BrokerageEvent.Request::areasOfSupport)
                    .orElse(null);
        }
        return DirectoryEvents.offer(event)
                .map(DirectoryEvent.OfferChanged::areasOfSupport)
                .orElse(null);
    }

    /** The rules a subscriber's filters must keep, each broken one named by its JSON path. */
    public List<Outcome.Violation> check(Taxonomy taxonomy) {
        List<Outcome.Violation> violations = new ArrayList<>();
        if (areasOfSupport.size() > MAX_AREAS_OF_SUPPORT) {
            violations.add(
                    new Outcome.Violation("/filters/areasOfSupport", "at most " + MAX_AREAS_OF_SUPPORT + " codes"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < areasOfSupport.size(); i++) {
            String code = areasOfSupport.get(i);
            if (!taxonomy.isKnown(code)) {
                violations.add(new Outcome.Violation(
                        "/filters/areasOfSupport/" + i, "is not a code of the taxonomy (GET /taxonomy)"));
            } else if (!seen.add(code)) {
                violations.add(new Outcome.Violation("/filters/areasOfSupport/" + i, "is named twice"));
            }
        }
        return violations;
    }
}

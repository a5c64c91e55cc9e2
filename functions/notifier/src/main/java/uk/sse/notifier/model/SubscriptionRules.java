package uk.sse.notifier.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.taxonomy.Taxonomy;

/** The rules of a subscriber's choice other than its URL's (see {@link WebhookUrls}), each broken one named by its JSON path. */
public final class SubscriptionRules {

    public static final int MAX_DESCRIPTION = 200;

    private SubscriptionRules() {}

    public static List<Outcome.Violation> check(Subscription.Choice c, boolean admin, Taxonomy taxonomy) {
        List<Outcome.Violation> violations = new ArrayList<>();
        if (c.eventTypes().isEmpty() || c.eventTypes().size() > EventCatalogue.MAX_TYPES) {
            violations.add(new Outcome.Violation(
                    "/eventTypes", "must name 1 to " + EventCatalogue.MAX_TYPES + " event types"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.eventTypes().size(); i++) {
            String type = c.eventTypes().get(i);
            String path = "/eventTypes/" + i;
            EventCatalogue.problemWith(type, admin)
                    .ifPresentOrElse(problem -> violations.add(new Outcome.Violation(path, problem)), () -> {
                        if (!seen.add(type)) {
                            violations.add(new Outcome.Violation(path, "is named twice"));
                        }
                    });
        }
        violations.addAll(c.filters().check(taxonomy));
        if (c.description() != null && c.description().length() > MAX_DESCRIPTION) {
            violations.add(new Outcome.Violation("/description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return violations;
    }
}

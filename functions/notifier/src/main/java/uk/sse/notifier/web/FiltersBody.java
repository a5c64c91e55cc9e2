package uk.sse.notifier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.EnumSet;
import java.util.List;
import uk.sse.notifier.model.Filters;
import uk.sse.notifier.model.Urgency;

/**
 * What narrows a subscription: areas of support (taxonomy codes; each matches itself and everything beneath it) and
 * urgencies. Leave either out for all.
 */
@Serdeable
public record FiltersBody(
        @Nullable List<String> areasOfSupport, @Nullable List<Urgency> urgencies) {

    Filters filters() {
        List<Urgency> given = urgencies == null
                ? List.of()
                : urgencies.stream().filter(u -> u != null).toList();
        return new Filters(
                areasOfSupport == null ? List.of() : areasOfSupport, given.isEmpty() ? null : EnumSet.copyOf(given));
    }

    /** The index of a repeated or null urgency, or -1. */
    int badUrgency() {
        if (urgencies == null) {
            return -1;
        }
        for (int i = 0; i < urgencies.size(); i++) {
            if (urgencies.get(i) == null || urgencies.subList(0, i).contains(urgencies.get(i))) {
                return i;
            }
        }
        return -1;
    }
}

package uk.sse.directory.storage;

import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.Offer;
import uk.sse.kernel.events.EventEnvelope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event each stored offer version reports (docs/events.md): {@code directory.offer.created} for the first,
 * {@code directory.offer.<action>} when the version is an assurance step ({@code submitted}, {@code approved},
 * {@code rejected}, {@code changes-requested}, {@code suspended}, {@code edited}, {@code withdrawn}), else
 * {@code directory.offer.edited}. Its id is {@code <offerId>/<version>}.
 */
final class OfferEvents {

    private OfferEvents() { }

    static String sk(long version) {
        return String.format("EVENT#%010d", version);
    }

    static EventEnvelope of(Offer o) {
        Optional<AssuranceRecord> step = o.history().stream().filter(r -> r.version() == o.version()).reduce((a, b) -> b);
        String what = step.map(r -> pastTense(r.action())).orElse(o.version() == 1 ? "created" : "edited");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("offerId", o.id());
        data.put("version", o.version());
        data.put("providerId", o.providerId());
        data.put("providerName", o.providerName());
        data.put("providerType", o.providerType().name());
        data.put("title", o.content().title());
        data.put("areasOfSupport", o.content().areasOfSupport());
        data.put("phases", o.content().phases().stream().map(Enum::name).toList());
        data.put("deliveryModes", o.content().deliveryModes().stream().map(Enum::name).toList());
        data.put("priceCredits", o.content().priceCredits());
        data.put("status", o.status().name());
        if (o.reviewDate() != null) {
            data.put("reviewDate", o.reviewDate().toString());
        }
        step.ifPresent(r -> {
            data.put("action", r.action().name());
            data.put("from", r.from().name());
            data.put("to", r.to().name());
            data.put("by", r.by());
            if (r.reason() != null) {
                data.put("reason", r.reason());
            }
        });
        return new EventEnvelope("directory.offer." + what, o.id() + "/" + o.version(), o.updatedAt(), o.area(), data);
    }

    private static String pastTense(AssuranceAction action) {
        return switch (action) {
            case SUBMIT -> "submitted";
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case REQUEST_CHANGES -> "changes-requested";
            case SUSPEND -> "suspended";
            case EDIT -> "edited";
            case WITHDRAW -> "withdrawn";
        };
    }
}

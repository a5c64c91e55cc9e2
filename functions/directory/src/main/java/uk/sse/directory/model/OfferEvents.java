package uk.sse.directory.model;

import java.util.Optional;
import uk.sse.contracts.directory.DirectoryEvent.Assurance;
import uk.sse.contracts.directory.DirectoryEvent.OfferChanged;
import uk.sse.contracts.directory.DirectoryEvent.OfferStep;

/**
 * The event each stored offer version reports (docs/events.md): {@code directory.offer.created} for the first,
 * {@code directory.offer.<action>} when the version is an assurance step ({@code submitted}, {@code approved},
 * {@code rejected}, {@code changes-requested}, {@code suspended}, {@code edited}, {@code withdrawn}), else
 * {@code directory.offer.edited}. Its id is {@code <offerId>/<version>}.
 */
public final class OfferEvents {

    private OfferEvents() {}

    public static OfferChanged of(Offer o) {
        Optional<AssuranceRecord> step =
                o.history().stream().filter(r -> r.version() == o.version()).reduce((a, b) -> b);
        OfferStep what =
                step.map(r -> stepOf(r.action())).orElse(o.version() == 1 ? OfferStep.CREATED : OfferStep.EDITED);
        return new OfferChanged(
                o.updatedAt(),
                o.area(),
                what,
                o.id(),
                o.version(),
                o.providerId(),
                o.providerName(),
                o.providerType().name(),
                o.content().title(),
                o.content().areasOfSupport(),
                o.content().phases().stream().map(Enum::name).toList(),
                o.content().deliveryModes().stream().map(Enum::name).toList(),
                o.content().priceCredits(),
                o.status().name(),
                o.reviewDate(),
                step.map(r -> new Assurance(r.action().name(), r.from().name(), r.to().name(), r.by(), r.reason()))
                        .orElse(null));
    }

    private static OfferStep stepOf(AssuranceAction action) {
        return switch (action) {
            case SUBMIT -> OfferStep.SUBMITTED;
            case APPROVE -> OfferStep.APPROVED;
            case REJECT -> OfferStep.REJECTED;
            case REQUEST_CHANGES -> OfferStep.CHANGES_REQUESTED;
            case SUSPEND -> OfferStep.SUSPENDED;
            case EDIT -> OfferStep.EDITED;
            case WITHDRAW -> OfferStep.WITHDRAWN;
        };
    }
}

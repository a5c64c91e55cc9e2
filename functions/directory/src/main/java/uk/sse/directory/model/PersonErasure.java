package uk.sse.directory.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.identity.Tombstone;

/**
 * A person's erasure from the directory's records (docs/data-protection.md, decision 0104): where their subject
 * stands (an assurance step's {@code by}, a designation refusal's {@code refusedBy}) it becomes the {@code tombstone}
 * and the reason they wrote {@link #ERASED}; where they are an offer's or provider's contact (matched by the
 * {@code email} the admin gives, if any) the contact's name, email and phone become {@link #ERASED}. Statuses,
 * versions, review dates, designations and quality signals stay. Applying it twice changes nothing more.
 */
public record PersonErasure(String subject, String email, String tombstone) {

    public static final String ERASED = "[erased]";

    public PersonErasure {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tombstone, "tombstone");
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** The same tombstone in every function for one subject under one key ({@link Tombstone}, decision 0117). */
    public static PersonErasure of(String subject, String email, Tombstone tombstone) {
        return new PersonErasure(subject, email, tombstone.of(subject));
    }

    public boolean involves(Offer o) {
        return o.history().stream().anyMatch(r -> subject.equals(r.by()))
                || theirs(o.content().contact());
    }

    public boolean involves(Provider p) {
        return p.refusedDesignations().stream().anyMatch(r -> subject.equals(r.refusedBy())) || theirs(p.contact());
    }

    /** The assurance steps the person took on the offer, in order. */
    public List<AssuranceRecord> actionsOn(Offer o) {
        return o.history().stream().filter(r -> subject.equals(r.by())).toList();
    }

    /** What of the person the offer holds in words: the reasons they gave, and their contact details. */
    public List<String> textsOf(Offer o) {
        List<String> texts = new ArrayList<>();
        actionsOn(o).stream()
                .map(AssuranceRecord::reason)
                .filter(Objects::nonNull)
                .forEach(texts::add);
        contactTexts(o.content().contact(), texts);
        return texts.stream().distinct().toList();
    }

    /** What of the person the provider holds in words: the reasons of refusals they made, and their contact details. */
    public List<String> textsOf(Provider p) {
        List<String> texts = new ArrayList<>();
        p.refusedDesignations().stream()
                .filter(r -> subject.equals(r.refusedBy()))
                .map(DesignationRefusal::reason)
                .filter(Objects::nonNull)
                .forEach(texts::add);
        contactTexts(p.contact(), texts);
        return texts.stream().distinct().toList();
    }

    public Offer apply(Offer o) {
        List<AssuranceRecord> history = o.history().stream()
                .map(r -> subject.equals(r.by())
                        ? new AssuranceRecord(
                                r.at(),
                                tombstone,
                                r.action(),
                                r.from(),
                                r.to(),
                                erasedOrNull(r.reason()),
                                r.reviewDate(),
                                r.version())
                        : r)
                .toList();
        OfferContent c = o.content();
        OfferContent content = theirs(c.contact())
                ? new OfferContent(
                        c.title(),
                        c.description(),
                        c.areasOfSupport(),
                        c.phases(),
                        c.deliveryModes(),
                        c.capacityDaysPerTerm(),
                        c.priceCredits(),
                        c.dayRatePence(),
                        c.location(),
                        c.travelRadiusKm(),
                        c.availableFrom(),
                        c.availableUntil(),
                        c.evidence(),
                        erased(c.contact()))
                : c;
        return new Offer(
                o.id(),
                o.providerId(),
                o.providerName(),
                o.providerType(),
                o.area(),
                o.designations(),
                content,
                o.status(),
                o.reviewDate(),
                history,
                o.version(),
                o.createdAt(),
                o.updatedAt(),
                o.signals());
    }

    public Provider apply(Provider p) {
        List<DesignationRefusal> refusals = p.refusedDesignations().stream()
                .map(r -> subject.equals(r.refusedBy())
                        ? new DesignationRefusal(r.designation(), erasedOrNull(r.reason()), tombstone, r.refusedAt())
                        : r)
                .toList();
        return new Provider(
                p.id(),
                p.type(),
                p.name(),
                p.area(),
                p.urn(),
                theirs(p.contact()) ? erased(p.contact()) : p.contact(),
                p.website(),
                p.designations(),
                p.verifiedDesignations(),
                refusals,
                p.location(),
                p.description(),
                p.version(),
                p.createdAt(),
                p.updatedAt());
    }

    /**
     * An offer's event with the person as its actor ({@code by}) replaced by the tombstone and the reason they gave by
     * {@link #ERASED}; the same event if they are not its actor (the directory's events carry no contact).
     */
    public EventEnvelope apply(EventEnvelope e) {
        if (!subject.equals(e.data().get("by"))) {
            return e;
        }
        Map<String, Object> data = new LinkedHashMap<>(e.data());
        data.put("by", tombstone);
        data.computeIfPresent("reason", (k, v) -> ERASED);
        return new EventEnvelope(e.type(), e.id(), e.occurredAt(), e.area(), data, e.correlationId());
    }

    private boolean theirs(Contact c) {
        return email != null
                && c != null
                && c.email() != null
                && c.email().strip().equalsIgnoreCase(email);
    }

    private void contactTexts(Contact c, List<String> texts) {
        if (theirs(c)) {
            texts.add(c.name());
            texts.add(c.email());
            if (c.phone() != null) texts.add(c.phone());
        }
    }

    private static Contact erased(Contact c) {
        return new Contact(ERASED, ERASED, c.phone() == null ? null : ERASED);
    }

    private static String erasedOrNull(String text) {
        return text == null ? null : ERASED;
    }
}

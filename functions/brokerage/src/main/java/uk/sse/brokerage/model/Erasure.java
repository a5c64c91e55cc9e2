package uk.sse.brokerage.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.identity.Tombstone;

/**
 * A person's erasure from the brokerage's records (docs/data-protection.md): wherever their subject stands it becomes
 * the {@code tombstone}, and the free text they wrote (a need they raised, a reason or note they gave) becomes
 * {@link #ERASED}. Everything else (statuses, days, credits, ratings, times, other people's words) is kept, so the
 * ledger and every report figure stay as they were. Applying it twice changes nothing more. Retention's redaction is an
 * erasure of {@link Whose.Everyone}'s texts.
 */
public record Erasure(Whose whose) {

    public static final String ERASED = "[erased]";

    /** The event fields that hold text written by the event's actor ({@code by}). */
    private static final Set<String> TEXT_FIELDS = Set.of("need", "reason", "note", "notes");

    /** Whose free texts become {@link #ERASED}, and whose subject its tombstone. */
    public sealed interface Whose {
        /** A person's: their subject becomes the {@code tombstone} wherever it stands, the texts they wrote are erased. */
        record Person(String subject, String tombstone) implements Whose {
            public Person {
                Objects.requireNonNull(subject, "subject");
                Objects.requireNonNull(tombstone, "tombstone");
                if (subject.equals(tombstone))
                    throw new IllegalArgumentException("a tombstone must differ from the subject");
            }
        }

        /** Everyone's (retention, decision 0111): every free text is erased, whoever wrote it; every subject stays. */
        record Everyone() implements Whose {}
    }

    public Erasure {
        Objects.requireNonNull(whose, "whose");
    }

    public Erasure(String subject, String tombstone) {
        this(new Whose.Person(subject, tombstone));
    }

    /**
     * Retention's redaction (decision 0111): every free text of the request and its events becomes {@link #ERASED},
     * whoever wrote it, and every subject stays (the audit of who did what is kept as long as the record).
     */
    public static Erasure everyText() {
        return new Erasure(new Whose.Everyone());
    }

    /** The same tombstone in every function for one subject under one key ({@link Tombstone}, decision 0117). */
    public static Erasure of(String subject, Tombstone tombstone) {
        return new Erasure(subject, tombstone.of(subject));
    }

    /** The tombstone a person's subject becomes (a person's erasure only). */
    public String tombstone() {
        return person().tombstone();
    }

    private Whose.Person person() {
        if (whose instanceof Whose.Person p) {
            return p;
        }
        throw new IllegalStateException("an erasure of everyone's texts has no person");
    }

    /** Whether the person stands anywhere in the request: raised it, acted on it, proposed, decided, agreed or rated. */
    public boolean involves(BrokerageRequest r) {
        String subject = person().subject();
        return subject.equals(r.raisedBy())
                || r.history().stream().anyMatch(t -> subject.equals(t.by()))
                || r.proposals().stream().anyMatch(p -> subject.equals(p.proposedBy()) || subject.equals(p.decidedBy()))
                || (r.engagement() != null && subject.equals(r.engagement().agreedBy()))
                || subject.equals(r.evaluation().schoolBy())
                || subject.equals(r.evaluation().impactBy());
    }

    /** The free text the person wrote on the request: its need if they raised it, their reasons and notes. */
    public List<String> textsOf(BrokerageRequest r) {
        String subject = person().subject();
        List<String> texts = new ArrayList<>();
        if (subject.equals(r.raisedBy())) texts.add(r.need());
        r.history().stream()
                .filter(t -> subject.equals(t.by()) && t.reason() != null)
                .forEach(t -> texts.add(t.reason()));
        r.proposals().stream()
                .filter(p -> subject.equals(p.decidedBy()) && p.reason() != null)
                .forEach(p -> texts.add(p.reason()));
        Evaluation e = r.evaluation();
        if (subject.equals(e.schoolBy()) && e.schoolNotes() != null) texts.add(e.schoolNotes());
        if (subject.equals(e.impactBy()) && e.impactNotes() != null) texts.add(e.impactNotes());
        return texts.stream().distinct().toList();
    }

    /** What the person did on the request, in order. */
    public List<Transition> actionsOn(BrokerageRequest r) {
        String subject = person().subject();
        return r.history().stream().filter(t -> subject.equals(t.by())).toList();
    }

    public BrokerageRequest apply(BrokerageRequest r) {
        boolean raiser = wrote(r.raisedBy());
        List<Transition> history = r.history().stream()
                .map(t -> wrote(t.by())
                        ? new Transition(
                                swap(t.by()),
                                t.byKind(),
                                t.at(),
                                t.action(),
                                t.from(),
                                t.to(),
                                erasedOrNull(t.reason()),
                                t.version())
                        : t)
                .toList();
        List<Proposal> proposals = r.proposals().stream()
                .map(p -> {
                    boolean decider = wrote(p.decidedBy());
                    return new Proposal(
                            p.id(),
                            p.offerId(),
                            p.providerId(),
                            p.days(),
                            p.credits(),
                            p.status(),
                            swap(p.proposedBy()),
                            p.proposedAt(),
                            swap(p.decidedBy()),
                            p.decidedAt(),
                            decider ? erasedOrNull(p.reason()) : p.reason());
                })
                .toList();
        Engagement e = r.engagement();
        Engagement engagement = e == null
                ? null
                : new Engagement(
                        e.id(),
                        e.holdId(),
                        e.proposalId(),
                        e.offerId(),
                        e.providerId(),
                        e.days(),
                        e.credits(),
                        e.schoolAccount(),
                        e.providerAccount(),
                        swap(e.agreedBy()),
                        e.agreedAt(),
                        e.hold(),
                        e.daysDelivered(),
                        e.creditsPosted(),
                        e.startedAt(),
                        e.completedAt());
        Evaluation v = r.evaluation();
        Evaluation evaluation = v == Evaluation.NONE
                ? v
                : new Evaluation(
                        v.schoolRating(),
                        wrote(v.schoolBy()) ? erasedOrNull(v.schoolNotes()) : v.schoolNotes(),
                        swap(v.schoolBy()),
                        v.schoolAt(),
                        v.impactRating(),
                        wrote(v.impactBy()) ? erasedOrNull(v.impactNotes()) : v.impactNotes(),
                        swap(v.impactBy()),
                        v.impactAt());
        return new BrokerageRequest(
                r.id(),
                r.urn(),
                r.area(),
                r.areasOfSupport(),
                raiser ? ERASED : r.need(),
                r.urgency(),
                r.daysWanted(),
                r.deliveryModes(),
                r.wantedBy(),
                r.credits(),
                swap(r.raisedBy()),
                r.raisedAt(),
                r.status(),
                r.version(),
                proposals,
                engagement,
                r.suggestions(),
                evaluation,
                history,
                r.schoolName());
    }

    /**
     * The event with the person's subject replaced wherever it stands in its data, and, if they are its actor
     * ({@code by}), the text fields they wrote replaced by {@link #ERASED}; the same event if it does not name them.
     */
    public EventEnvelope apply(EventEnvelope e) {
        boolean actor = wrote(e.data().get("by"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) redact(e.data(), actor);
        return data.equals(e.data())
                ? e
                : new EventEnvelope(e.type(), e.id(), e.occurredAt(), e.area(), data, e.correlationId());
    }

    private Object redact(Object value, boolean actor) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(
                    (String) k, actor && TEXT_FIELDS.contains(k) && v instanceof String ? ERASED : redact(v, actor)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> redact(v, actor)).toList();
        }
        return value instanceof String who ? swap(who) : value;
    }

    /** Whether the text written by {@code who} is erased: theirs if they are the person, everyone's for retention. */
    private boolean wrote(Object who) {
        return switch (whose) {
            case Whose.Everyone everyone -> true;
            case Whose.Person p -> p.subject().equals(who);
        };
    }

    private String swap(String who) {
        return whose instanceof Whose.Person p && p.subject().equals(who) ? p.tombstone() : who;
    }

    private static String erasedOrNull(String text) {
        return text == null ? null : ERASED;
    }
}

package uk.sse.contracts.directory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.Contract;

/**
 * The directory's state that other functions mirror from its table's stream (the indexer's search documents, reporting's
 * schools): an offer as it stands and a school's register entry, each one item whose attributes are the document
 * (docs/events.md, "What the directory publishes as state"). They are told apart by {@code entity} and {@code sk}, never
 * by a key's prefix; the directory writes them with these names, so a change of its layout is a change here. Their
 * attributes are records ({@link PublishedOffer}, {@link PublishedSchool}) with a version, as an event's data is: the
 * directory writes them from the records and consumers read them only through them ({@link #read}).
 */
public final class PublishedItems {

    /** The attributes that tell a published item's kind. */
    public static final String ENTITY = "entity";

    public static final String SORT_KEY = "sk";

    /** The kinds of published item, by their {@code entity} and {@code sk}. */
    public enum Kind {
        /** An offer as it stands (its current version and quality signals): a {@link PublishedOffer}. */
        OFFER("OFFER", "CURRENT"),
        /** A school's register entry: a {@link PublishedSchool}. */
        SCHOOL("SCHOOL", "PROFILE");

        private final String entity;
        private final String sortKey;

        Kind(String entity, String sortKey) {
            this.entity = entity;
            this.sortKey = sortKey;
        }

        public String entity() {
            return entity;
        }

        public String sortKey() {
            return sortKey;
        }
    }

    /** A published item's attributes as a record. */
    public sealed interface Item permits PublishedOffer, PublishedSchool {
        /** The attributes, under {@link Contract#VERSION} the shape's version: texts, numbers and lists of texts. */
        Map<String, Object> attributes();
    }

    private PublishedItems() {}

    /**
     * The published item in a directory item's attributes (numbers as any {@link Number}); empty for the directory's
     * other items.
     *
     * @throws uk.sse.contracts.Fields.Unreadable if it is a published item that does not meet its shape
     */
    public static Optional<Item> read(Map<String, Object> attributes) {
        return kindOf(attributes).map(kind -> switch (kind) {
            case OFFER -> PublishedOffer.from(attributes);
            case SCHOOL -> PublishedSchool.from(attributes);
        });
    }

    /** The kind of a directory item, by its attributes' {@code entity} and {@code sk}. */
    public static Optional<Kind> kindOf(Map<String, Object> attributes) {
        return attributes.get(ENTITY) instanceof String entity && attributes.get(SORT_KEY) instanceof String sortKey
                ? kindOf(entity, sortKey)
                : Optional.empty();
    }

    /** The kind of an item with this {@code entity} and {@code sk}; empty for the directory's other items. */
    public static Optional<Kind> kindOf(String entity, String sortKey) {
        return Arrays.stream(Kind.values())
                .filter(k -> k.entity.equals(entity) && k.sortKey.equals(sortKey))
                .findFirst();
    }

    /** Attributes of {@code version} with these members, in this order: a null value or an empty list is left out. */
    static Map<String, Object> attributes(int version, Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(Contract.VERSION, version);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                attributes.put((String) namesAndValues[i], value);
            }
        }
        return attributes;
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

package uk.sse.contracts.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The directory's state that other functions mirror from its table's stream (the indexer's search documents, reporting's
 * schools): an offer as it stands and a school's register entry, each one item whose attributes are the document
 * (docs/events.md, "What the directory publishes as state"). They are told apart by {@code entity} and {@code sk}, never
 * by a key's prefix; the directory writes them with these names, so a change of its layout is a change here.
 */
public final class PublishedItems {

    /** The attributes that tell a published item's kind. */
    public static final String ENTITY = "entity";

    public static final String SORT_KEY = "sk";

    /** The kinds of published item, by their {@code entity} and {@code sk}. */
    public enum Kind {
        /** An offer as it stands (its current version and quality signals): the attributes the indexer reads. */
        OFFER("OFFER", "CURRENT"),
        /** A school's register entry: {@code urn}, {@code name}, {@code laCode}, {@code laName}, {@code phase}, ... */
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

    private PublishedItems() {}

    /** The kind of an item with this {@code entity} and {@code sk}; empty for the directory's other items. */
    public static Optional<Kind> kindOf(String entity, String sortKey) {
        return Arrays.stream(Kind.values())
                .filter(k -> k.entity.equals(entity) && k.sortKey.equals(sortKey))
                .findFirst();
    }
}

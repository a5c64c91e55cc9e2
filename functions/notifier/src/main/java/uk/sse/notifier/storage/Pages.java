package uk.sse.notifier.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.paging.PageRequest;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Paging helpers: a cursor is accepted only by the listing that gave it. */
final class Pages {

    private Pages() { }

    /** The page's start key: an empty Optional inside for the first page; nothing if the cursor is not this listing's. */
    static Optional<Optional<Map<String, AttributeValue>>> startKey(PageRequest page, Predicate<Map<String, AttributeValue>> ours) {
        if (page.cursor() == null) {
            return Optional.of(Optional.empty());
        }
        return Cursors.decode(page.cursor()).filter(key -> {
            try {
                return ours.test(key);
            } catch (NullPointerException missingKey) {
                return false;
            }
        }).map(Optional::of);
    }

    static String s(Map<String, AttributeValue> key, String name) {
        return key.get(name).s();
    }
}

package uk.sse.notifier.storage;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading a listing's cursor key (see {@link uk.sse.kernel.dynamo.Cursors#startKey}). */
final class Pages {

    private Pages() {}

    static String s(Map<String, AttributeValue> key, String name) {
        return key.get(name).s();
    }
}

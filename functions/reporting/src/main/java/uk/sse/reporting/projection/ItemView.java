package uk.sse.reporting.projection;

import java.util.List;
import java.util.Map;

/**
 * One item's attributes, read the same way whether they come from a stream record (Lambda's event model) or from a
 * table scan (the SDK's), so that the stream and a rebuild read items with one piece of code.
 */
interface ItemView {

    String s(String name);

    /** A number attribute's text, or null. */
    String n(String name);

    Boolean bool(String name);

    List<String> strings(String name);

    static ItemView ofStream(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return new ItemView() {
            @Override public String s(String name) {
                var v = image.get(name);
                return v == null ? null : v.getS();
            }

            @Override public String n(String name) {
                var v = image.get(name);
                return v == null ? null : v.getN();
            }

            @Override public Boolean bool(String name) {
                var v = image.get(name);
                return v == null ? null : v.getBOOL();
            }

            @Override public List<String> strings(String name) {
                var v = image.get(name);
                return v == null || v.getL() == null ? List.of() : v.getL().stream().map(e -> e.getS()).filter(s -> s != null).toList();
            }
        };
    }

    static ItemView ofScan(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return new ItemView() {
            @Override public String s(String name) {
                var v = item.get(name);
                return v == null ? null : v.s();
            }

            @Override public String n(String name) {
                var v = item.get(name);
                return v == null ? null : v.n();
            }

            @Override public Boolean bool(String name) {
                var v = item.get(name);
                return v == null ? null : v.bool();
            }

            @Override public List<String> strings(String name) {
                var v = item.get(name);
                return v == null || !v.hasL() ? List.of() : v.l().stream().map(e -> e.s()).filter(s -> s != null).toList();
            }
        };
    }
}

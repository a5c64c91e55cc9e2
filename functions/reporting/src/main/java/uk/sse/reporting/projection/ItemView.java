package uk.sse.reporting.projection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.dynamo.Items;

/**
 * One item's attributes, read the same way whether they come from a stream record (Lambda's event model) or from a
 * table scan (the SDK's), both through the kernel's {@link Items}, so that the stream and a rebuild read items alike.
 */
interface ItemView {

    String s(String name);

    /** A number attribute's text, or null. */
    String n(String name);

    Boolean bool(String name);

    List<String> strings(String name);

    /** Every attribute as a plain value (numbers as decimals), for a contract's reader. */
    Map<String, Object> attributes();

    static ItemView ofStream(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return of(Items.ofStreamImage(image));
    }

    static ItemView ofScan(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return of(Items.of(item));
    }

    private static ItemView of(Items item) {
        return new ItemView() {
            @Override
            public String s(String name) {
                return item.s(name);
            }

            @Override
            public String n(String name) {
                BigDecimal n = item.decimal(name);
                return n == null ? null : n.toPlainString();
            }

            @Override
            public Boolean bool(String name) {
                return item.bool(name);
            }

            @Override
            public List<String> strings(String name) {
                return item.strings(name);
            }

            @Override
            public Map<String, Object> attributes() {
                return item.attributes();
            }
        };
    }
}

package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS SDK's attribute values (what a table scan returns) in the Lambda events library's model (what a
 * stream event carries), so that one document builder serves both the stream and a rebuild.
 */
public final class SdkAttributes {

    private SdkAttributes() { }

    public static Map<String, AttributeValue> toEvents(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        if (item == null) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, toEvents(value)));
        return image;
    }

    public static AttributeValue toEvents(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue out = new AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(v.b().asByteBuffer());
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(true);
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
            case L -> out.setL(v.l().stream().map(SdkAttributes::toEvents).toList());
            case M -> out.setM(toEvents(v.m()));
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }
}

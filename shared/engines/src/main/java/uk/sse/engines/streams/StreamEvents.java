package uk.sse.engines.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** SDK v2 stream records to the events library's types, field by field as Lambda fills them. */
final class StreamEvents {

    static final String EVENT_SOURCE = "aws:dynamodb";
    private static final software.amazon.awssdk.services.dynamodb.model.AttributeValue EMPTY =
            software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder()
                    .build();

    private StreamEvents() {}

    static DynamodbEvent event(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord record(Record source, String streamArn, String defaultRegion) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(source.eventID());
        record.setEventName(source.eventNameAsString());
        record.setEventVersion(source.eventVersion());
        record.setEventSource(EVENT_SOURCE);
        record.setAwsRegion(source.awsRegion() != null ? source.awsRegion() : defaultRegion);
        record.setEventSourceARN(streamArn);
        record.setDynamodb(streamRecord(source.dynamodb()));
        if (source.userIdentity() != null) { // TTL deletions: Service / dynamodb.amazonaws.com
            record.setUserIdentity(new Identity()
                    .withType(source.userIdentity().type())
                    .withPrincipalId(source.userIdentity().principalId()));
        }
        return record;
    }

    private static StreamRecord streamRecord(software.amazon.awssdk.services.dynamodb.model.StreamRecord source) {
        StreamRecord record = new StreamRecord();
        if (source.approximateCreationDateTime() != null) {
            record.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        // the SDK gives empty maps for absent images; Lambda's JSON has no such key
        if (source.hasKeys()) {
            record.setKeys(map(source.keys()));
        }
        if (source.hasNewImage()) {
            record.setNewImage(map(source.newImage()));
        }
        if (source.hasOldImage()) {
            record.setOldImage(map(source.oldImage()));
        }
        record.setSequenceNumber(source.sequenceNumber());
        record.setSizeBytes(source.sizeBytes());
        if (source.streamViewTypeAsString() != null) {
            record.setStreamViewType(StreamViewType.fromValue(source.streamViewTypeAsString()));
        }
        return record;
    }

    static Map<String, AttributeValue> map(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> source) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        source.forEach((name, value) -> map.put(name, value(value)));
        return map;
    }

    static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue source) {
        AttributeValue value = new AttributeValue();
        switch (source.type()) {
            case S -> value.setS(source.s());
            case N -> value.setN(source.n());
            case B -> value.setB(bytes(source.b()));
            case SS -> value.setSS(source.ss());
            case NS -> value.setNS(source.ns());
            case BS -> value.setBS(source.bs().stream().map(StreamEvents::bytes).toList());
            case M -> value.setM(map(source.m()));
            case L -> value.setL(source.l().stream().map(StreamEvents::value).toList());
            case NUL -> value.setNULL(source.nul());
            case BOOL -> value.setBOOL(source.bool());
            case UNKNOWN_TO_SDK_VERSION -> {
                // DynamoDB Local 3.3.1 writes an empty map as {} in stream records, not {"M":{}}
                if (!source.equals(EMPTY)) {
                    throw new IllegalArgumentException("attribute of an unknown type: " + source);
                }
                value.setM(new LinkedHashMap<>());
            }
        }
        return value;
    }

    private static ByteBuffer bytes(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArray()); // a copy: handlers may read it more than once
    }
}

package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table's stream (DynamoDB Local) and hands its records over as the Lambda events library's model,
 * as an event source mapping would. Minimal stand-in for {@code uk.sse.engines.streams.TableStreamReader},
 * which is being built in shared/engines: replace this class with it when it lands.
 */
final class TableStreamRecords {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new HashMap<>();

    TableStreamRecords(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    /** Every record written since the last call (from the start of the stream the first time). */
    List<DynamodbEvent.DynamodbStreamRecord> next() {
        List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b.streamArn(streamArn)
                    .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            while (iterator != null) {
                var response = streams.getRecords(b -> b.shardIterator(iterators.get(shard.shardId())));
                iterator = response.nextShardIterator();
                if (iterator != null) {
                    iterators.put(shard.shardId(), iterator);
                }
                response.records().forEach(r -> out.add(toEvent(r)));
                if (response.records().isEmpty()) {
                    break;
                }
            }
        }
        return out;
    }

    private DynamodbEvent.DynamodbStreamRecord toEvent(Record r) {
        var sdk = r.dynamodb();
        StreamRecord data = new StreamRecord();
        data.setKeys(SdkAttributes.toEvents(sdk.hasKeys() ? sdk.keys() : null));
        data.setNewImage(sdk.hasNewImage() ? SdkAttributes.toEvents(sdk.newImage()) : null);
        data.setOldImage(sdk.hasOldImage() ? SdkAttributes.toEvents(sdk.oldImage()) : null);
        data.setSequenceNumber(sdk.sequenceNumber());
        data.setSizeBytes(sdk.sizeBytes());
        data.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(sdk.streamViewTypeAsString()));
        data.setApproximateCreationDateTime(sdk.approximateCreationDateTime() == null ? null : Date.from(sdk.approximateCreationDateTime()));
        DynamodbEvent.DynamodbStreamRecord event = new DynamodbEvent.DynamodbStreamRecord();
        event.setEventID(r.eventID());
        event.setEventName(r.eventNameAsString());
        event.setEventVersion(r.eventVersion());
        event.setEventSource(r.eventSource());
        event.setAwsRegion(r.awsRegion());
        event.setEventSourceARN(streamArn);
        event.setDynamodb(data);
        return event;
    }

    static DynamodbEvent event(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }
}

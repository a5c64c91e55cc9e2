package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.util.Optional;
import uk.sse.kernel.dynamo.Items;

/**
 * A stream record as an index change: the new image of an insert or modify, the old image of a remove.
 *
 * <p>School items have no version. A school's change is versioned by the record's ApproximateCreationDateTime
 * (whole seconds in DynamoDB Streams) in millis, written with external_gte: an older record replayed after a
 * newer one is refused; two changes in the same second are settled by the order they are written, which is
 * stream order, because Lambda hands a shard's records over in order and retries from the first failed
 * record onwards, so the newer record is always written again after an older one. A rebuild versions what it
 * scanned by the scan's start time: any record from before the scan holds a state the scan saw or an older
 * one, and any record from after it is newer and wins. Clocks differing by a little can only let a record
 * through that stream order then overwrites with a newer one.
 */
public final class StreamChanges {

    private final DirectoryItems items;

    public StreamChanges(DirectoryItems items) {
        this.items = items;
    }

    public Optional<IndexChange> of(DynamodbStreamRecord record) {
        boolean removed = "REMOVE".equals(record.getEventName());
        var data = record.getDynamodb();
        Items image = Items.ofStreamImage(removed ? data.getOldImage() : data.getNewImage());
        long at = data.getApproximateCreationDateTime() == null
                ? 0
                : data.getApproximateCreationDateTime().getTime();
        return items.change(data.getSequenceNumber(), image, removed, at);
    }
}

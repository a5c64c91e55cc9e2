package uk.sse.indexer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.ArrayList;
import java.util.List;
import uk.sse.engines.streams.TableStreamReader;

/** A table's stream, drained on demand, as the event source mapping would hand it over. */
final class TableStreamRecords {

    private final TableStreamReader reader;

    TableStreamRecords(TableStreamReader reader) {
        this.reader = reader;
    }

    /** Every record written since the last call (from the start of the stream the first time). */
    List<DynamodbEvent.DynamodbStreamRecord> next() {
        List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
        for (List<DynamodbEvent.DynamodbStreamRecord> batch = reader.poll(1000).getRecords();
                !batch.isEmpty();
                batch = reader.poll(1000).getRecords()) {
            out.addAll(batch);
        }
        return out;
    }

    static DynamodbEvent event(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }
}

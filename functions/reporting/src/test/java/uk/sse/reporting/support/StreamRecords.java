package uk.sse.reporting.support;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;

/** A table's stream read from its start, drained on demand, as the event source mapping would hand its records over. */
public final class StreamRecords implements AutoCloseable {

    private final TableStreamReader reader;

    private StreamRecords(TableStreamReader reader) {
        this.reader = reader;
    }

    public static StreamRecords of(URI dynamo, String table) {
        return new StreamRecords(TableStreamReader.of(dynamo, table, StartingPosition.TRIM_HORIZON));
    }

    /** Every record written since the last call (from the start of the stream the first time). */
    public List<DynamodbStreamRecord> next() {
        List<DynamodbStreamRecord> out = new ArrayList<>();
        for (List<DynamodbStreamRecord> batch = reader.poll(1000).getRecords();
                !batch.isEmpty();
                batch = reader.poll(1000).getRecords()) {
            out.addAll(batch);
        }
        return out;
    }

    public static DynamodbEvent event(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    @Override
    public void close() {
        reader.close();
    }
}

package uk.sse.notifier.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.notifier.stream.NotifyOnEvents;
import uk.sse.notifier.sweep.RetryDueDeliveries;
import uk.sse.notifier.sweep.SendReminders;

/**
 * The notifier's non-API handlers as Lambda runs them, each in an application context of its own with the test's
 * configuration: the stream consumer, handed real {@link DynamodbEvent}s read from the tables' streams, and the
 * sweeper and the reminders, invoked as their schedules would.
 */
public final class Pipeline implements AutoCloseable {

    private final NotifyOnEvents handler;
    private final RetryDueDeliveries sweeper;
    private final SendReminders reminders;
    private final TableStreamReader notifierStream;
    private List<DynamodbEvent.DynamodbStreamRecord> last = List.of();

    public Pipeline(Map<String, Object> properties, String notifierTable) {
        this.handler = new NotifyOnEvents(
                ApplicationContext.builder().environments("test").properties(properties));
        this.sweeper = new RetryDueDeliveries(
                ApplicationContext.builder().environments("test").properties(properties));
        this.reminders = new SendReminders(
                ApplicationContext.builder().environments("test").properties(properties));
        this.notifierStream =
                TableStreamReader.of(Engines.dynamo().endpoint(), notifierTable, StartingPosition.TRIM_HORIZON);
    }

    /** Every record written to {@code stream} since the last read, as the event source mapping hands them over. */
    public static List<DynamodbEvent.DynamodbStreamRecord> drain(TableStreamReader stream) {
        List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
        for (List<DynamodbEvent.DynamodbStreamRecord> batch = stream.poll(1000).getRecords();
                !batch.isEmpty();
                batch = stream.poll(1000).getRecords()) {
            out.addAll(batch);
        }
        return out;
    }

    public StreamsEventResponse handle(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        last = records;
        return handler.handleRequest(event, null);
    }

    /** Hands the handler what {@code stream} received since it was last read. */
    public StreamsEventResponse deliver(TableStreamReader stream) {
        return handle(drain(stream));
    }

    /** The notifier's own stream (its events: an endpoint disabled) into the handler. */
    public StreamsEventResponse deliverNotifierEvents() {
        return handle(drain(notifierStream));
    }

    /** The batch last handed over, to hand it over again (a duplicate delivery by the event source mapping). */
    public List<DynamodbEvent.DynamodbStreamRecord> lastBatch() {
        return last;
    }

    public Map<String, Object> sweep() {
        return sweeper.handleRequest(new ScheduledEvent(), null);
    }

    /** The reminders' handler, invoked as its schedule would. */
    public Map<String, Object> remind() {
        return reminders.handleRequest(new ScheduledEvent(), null);
    }

    public ApplicationContext handlerContext() {
        return handler.getApplicationContext();
    }

    @Override
    public void close() {
        handler.close();
        sweeper.close();
        reminders.close();
        notifierStream.close();
    }
}

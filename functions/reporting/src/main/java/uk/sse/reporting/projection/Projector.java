package uk.sse.reporting.projection;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.storage.ChangeBatch;
import uk.sse.reporting.storage.ReadModelSchemas;
import uk.sse.reporting.storage.ReadModelWriter;
import uk.sse.reporting.storage.SchemaName;

/**
 * Applies stream records (or a rebuild's scanned items) to the read model: each record is read into a {@link Change},
 * and a batch's changes are written in one transaction to every schema that takes them (the live one, and the next one
 * while a rebuild fills it).
 */
@Singleton
public class Projector {

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);

    private final SourceItems items;
    private final ReadModelWriter writer;
    private final ReadModelSchemas schemas;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public Projector(
            SourceItems items,
            ReadModelWriter writer,
            ReadModelSchemas schemas,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.items = items;
        this.writer = writer;
        this.schemas = schemas;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The sequence numbers of the records that were not applied, in the order they came: a record that cannot be read
     * (it will not become readable, so the event source mapping's retries and on-failure destination take it), or all
     * of them when the write failed (it is tried again as a whole; every write converges).
     */
    public List<String> project(List<DynamodbStreamRecord> records) {
        List<Change> changes = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> carrying = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            String sequence =
                    record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            SourceItems.Read read = read(record);
            switch (read) {
                case SourceItems.Read.Changed c -> {
                    changes.add(c.change());
                    carrying.add(sequence);
                }
                case SourceItems.Read.Unreadable u -> {
                    LOG.error("stream record {} cannot be read: {}", sequence, u.why());
                    failed.add(sequence);
                }
                case SourceItems.Read.Ignored i -> {}
            }
        }
        if (!changes.isEmpty()) {
            try {
                applyToTargets(changes);
            } catch (Exception e) { // the transaction rethrows the driver's SQLException as it is
                LOG.warn("writing {} changes failed; the batch is reported for a retry", changes.size(), e);
                List<String> all = new ArrayList<>(carrying);
                all.addAll(failed);
                return records.stream()
                        .map(r -> r.getDynamodb().getSequenceNumber())
                        .filter(all::contains)
                        .toList();
            }
        }
        return failed;
    }

    /** Writes the changes to the live schema, and to the next one if a rebuild is filling it, in one transaction. */
    public void applyToTargets(List<Change> changes) {
        ChangeBatch batch = ChangeBatch.of(changes);
        tx.executeWrite(status -> {
            for (SchemaName target : schemas.targets(status.getConnection())) {
                writer.write(status.getConnection(), target, batch);
            }
            return null;
        });
    }

    /** Writes the changes to one schema only: a rebuild filling the next one. */
    public void applyTo(SchemaName schema, List<Change> changes) {
        ChangeBatch batch = ChangeBatch.of(changes);
        tx.executeWrite(status -> {
            writer.write(status.getConnection(), schema, batch);
            return null;
        });
    }

    /** A scanned item of a source table, read as the stream's record of it would be. */
    public SourceItems.Read readScanned(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item, Instant scannedAt) {
        return items.read(ItemView.ofScan(item), scannedAt);
    }

    private SourceItems.Read read(DynamodbStreamRecord record) {
        String name = record.getEventName();
        if (record.getDynamodb() == null
                || record.getDynamodb().getNewImage() == null
                || !("INSERT".equals(name) || "MODIFY".equals(name))) {
            return new SourceItems.Read
                    .Ignored(); // removals: events and ledger state are never deleted, schools stay reported
        }
        Instant observed = record.getDynamodb().getApproximateCreationDateTime() == null
                ? clock.instant()
                : record.getDynamodb().getApproximateCreationDateTime().toInstant();
        SourceItems.Read read =
                items.read(ItemView.ofStream(record.getDynamodb().getNewImage()), observed);
        // an event item is only ever modified by an erasure: its new envelope replaces the one held
        if ("MODIFY".equals(name) && read instanceof SourceItems.Read.Changed(Change.BrokerageEvent rewritten)) {
            return new SourceItems.Read.Changed(rewritten.asRewritten());
        }
        return read;
    }
}

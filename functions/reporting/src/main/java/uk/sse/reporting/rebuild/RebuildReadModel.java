package uk.sse.reporting.rebuild;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.reporting.model.Change;
import uk.sse.reporting.projection.Projector;
import uk.sse.reporting.projection.SourceItems;
import uk.sse.reporting.storage.ReadModelSchemas;
import uk.sse.reporting.storage.SchemaName;

/**
 * Re-projects the read model from the publishers' tables into fresh tables and swaps them in: a migrated
 * {@code <schema>_next} (which the stream handler also writes to from then on), filled from a consistent scan of the
 * brokerage table's events, the ledger's events and the directory's offer events and schools, read by
 * the same code as the stream; then one transaction renames it into place. If anything fails before the swap, the next
 * schema is dropped and the live read model is untouched.
 */
@Singleton
public class RebuildReadModel {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildReadModel.class);
    /** Items that can be of interest: events and schools; the scan leaves the rest behind. */
    private static final String FILTER = "#entity = :event OR #sk = :profile";

    private final DynamoDbClient dynamo;
    private final SourceTables sources;
    private final Projector projector;
    private final ReadModelSchemas schemas;
    private final Clock clock;

    public RebuildReadModel(
            DynamoDbClient dynamo, SourceTables sources, Projector projector, ReadModelSchemas schemas, Clock clock) {
        this.dynamo = dynamo;
        this.sources = sources;
        this.projector = projector;
        this.schemas = schemas;
        this.clock = clock;
    }

    /** What a rebuild read and wrote. */
    public record Rebuilt(long itemsRead, long changesApplied, long unreadable, Duration took) {}

    public Rebuilt rebuild() {
        Instant started = clock.instant();
        SchemaName next = schemas.prepareNext();
        long[] counts = new long[3];
        try {
            for (String table : List.of(sources.directory(), sources.ledger(), sources.brokerage())) {
                scan(table, next, counts);
            }
            schemas.analyze(next);
            schemas.swap();
        } catch (RuntimeException e) {
            LOG.error("the rebuild failed; the live read model is untouched", e);
            schemas.abandonNext();
            throw e;
        }
        Rebuilt rebuilt = new Rebuilt(counts[0], counts[1], counts[2], Duration.between(started, clock.instant()));
        LOG.info("read model rebuilt: {}", rebuilt);
        return rebuilt;
    }

    private void scan(String table, SchemaName next, long[] counts) {
        Instant scannedAt = clock.instant();
        var pages = dynamo.scanPaginator(b -> b.tableName(table)
                .consistentRead(true)
                .filterExpression(FILTER)
                .expressionAttributeNames(Map.of("#entity", "entity", "#sk", "sk"))
                .expressionAttributeValues(Map.of(
                        ":event",
                        AttributeValue.fromS("EVENT"),
                        ":profile",
                        AttributeValue.fromS(PublishedItems.Kind.SCHOOL.sortKey()))));
        for (ScanResponse page : pages) {
            List<Change> changes = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                counts[0]++;
                switch (projector.readScanned(item, scannedAt)) {
                    case SourceItems.Read.Changed c -> changes.add(c.change());
                    case SourceItems.Read.Unreadable u -> {
                        counts[2]++;
                        LOG.error(
                                "item {} / {} of {} cannot be read: {}",
                                item.get("pk"),
                                item.get("sk"),
                                table,
                                u.why());
                    }
                    case SourceItems.Read.Ignored i -> {}
                }
            }
            if (!changes.isEmpty()) {
                projector.applyTo(next, changes);
                counts[1] += changes.size();
            }
        }
    }
}

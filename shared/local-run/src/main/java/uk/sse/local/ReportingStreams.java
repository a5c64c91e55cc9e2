package uk.sse.local;

import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import uk.sse.engines.PostgresEngine;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.reporting.projection.ProjectEvents;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ledger's, the directory's and the brokerage's table streams driving the reporting projection, as its three event
 * source mappings do in AWS: one {@link ProjectEvents} handler with an application context of its own (the reporting
 * Lambda's), fed real {@code DynamodbEvent} batches by a poller per stream.
 *
 * <p>BROKERAGE: the brokerage function is not in the local run yet. Its table ({@code sse.brokerage.table-name}, default
 * {@code sse-brokerage}) is polled if it exists when the stack starts; once brokerage creates its table at start-up in
 * the local run, start this after it and the stream is connected.
 */
public final class ReportingStreams implements AutoCloseable {

    static final int BATCH_SIZE = 100;
    static final int MAX_RETRIES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ReportingStreams.class);

    private final ProjectEvents projection;
    private final List<TableStreamReader> readers;
    private final List<StreamPoller> pollers;

    private ReportingStreams(ProjectEvents projection, List<TableStreamReader> readers, List<StreamPoller> pollers) {
        this.projection = projection;
        this.readers = readers;
        this.pollers = pollers;
    }

    /**
     * The reporting function's read model in the embedded PostgreSQL, schema {@code reporting}. The local run's classpath
     * holds every function's {@code application.yml} and only the first is read, so the reporting function's own
     * datasource and Flyway settings (its application.yml) are repeated here.
     */
    static Map<String, Object> readModel(PostgresEngine postgres) {
        return readModel(postgres, "reporting");
    }

    /** The same in another schema (the benchmark's). */
    public static Map<String, Object> readModel(PostgresEngine postgres, String schema) {
        return Map.of("datasources.default.url", postgres.jdbcUrl(), "datasources.default.username", postgres.username(),
                "datasources.default.password", postgres.password(), "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES", "datasources.default.schema", schema, "sse.reporting.schema", schema,
                "flyway.datasources.default.enabled", "true", "flyway.datasources.default.schemas", schema,
                "flyway.datasources.default.locations", "classpath:db/migration");
    }

    /** {@code datasource} is the read model's connection settings (datasources.default.*, sse.reporting.schema). */
    static ReportingStreams start(URI dynamo, DynamoDbClient client, Map<String, Object> datasource, String ledgerTable,
                                  String directoryTable, String brokerageTable) {
        ProjectEvents projection = new ProjectEvents(ApplicationContext.builder().properties(datasource));
        List<TableStreamReader> readers = new ArrayList<>();
        List<StreamPoller> pollers = new ArrayList<>();
        try {
            List<String> tables = new ArrayList<>(List.of(ledgerTable, directoryTable));
            if (exists(client, brokerageTable)) {
                tables.add(brokerageTable);
            } else {
                LOG.info("no table {} yet: the brokerage stream is not connected to reporting", brokerageTable);
            }
            for (String table : tables) {
                TableStreamReader reader = TableStreamReader.of(dynamo, table, StartingPosition.TRIM_HORIZON);
                readers.add(reader);
                pollers.add(StreamPoller.start(reader, event -> projection.handleRequest(event, null), BATCH_SIZE, MAX_RETRIES));
            }
            return new ReportingStreams(projection, readers, pollers);
        } catch (RuntimeException failed) {
            pollers.forEach(StreamPoller::close);
            readers.forEach(TableStreamReader::close);
            projection.close();
            throw failed;
        }
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException absent) {
            return false;
        }
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::close);
        readers.forEach(TableStreamReader::close);
        projection.close();
    }
}

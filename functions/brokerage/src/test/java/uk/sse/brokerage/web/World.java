package uk.sse.brokerage.web;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.sse.brokerage.reconcile.ReconcileOnSchedule;
import uk.sse.directory.signals.RecordEngagementOutcomes;
import uk.sse.engines.Engines;
import uk.sse.engines.streams.StartingPosition;
import uk.sse.engines.streams.StreamPoller;
import uk.sse.engines.streams.TableStreamReader;
import uk.sse.indexer.IndexDirectoryChanges;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.events.StreamedEvents;
import uk.sse.testing.LambdaHttpFront;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.Polling;

/**
 * The functions brokerage works with, as they run in AWS, on this JVM's embedded engines: the directory and the
 * ledger each a Lambda instance of its own behind an HTTP front (brokerage calls them over HTTP with the caller's
 * token), the directory table's stream driving the indexer into OpenSearch, and the brokerage table's stream driving
 * the directory's quality signals. Each test class gets tables of its own.
 */
final class World implements AutoCloseable {

    private final Map<String, Object> settings;
    final LambdaHttpFront directory;
    final LambdaHttpFront ledger;
    private final List<AutoCloseable> streams = new ArrayList<>();

    private World(Map<String, Object> settings, LambdaHttpFront directory, LambdaHttpFront ledger) {
        this.settings = settings;
        this.directory = directory;
        this.ledger = ledger;
    }

    static World start(Class<?> testClass) {
        String suffix =
                testClass.getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> settings = new HashMap<>();
        settings.put("sse.aws.endpoint", Engines.dynamo().endpoint().toString());
        settings.put("sse.aws.create-tables", "true");
        settings.put("sse.directory.table-name", "directory-" + suffix);
        settings.put("sse.ledger.table-name", "ledger-" + suffix);
        settings.put("sse.brokerage.table-name", "brokerage-" + suffix);
        settings.put("sse.indexer.directory-table", "directory-" + suffix);
        settings.put("sse.opensearch.url", Engines.openSearch().endpoint().toString());
        LambdaHttpFront directory = LambdaHttpFront.serve(instance(settings));
        LambdaHttpFront ledger = LambdaHttpFront.serve(instance(settings));
        return new World(settings, directory, ledger);
    }

    private static LambdaInstance instance(Map<String, Object> settings) {
        return new LambdaInstance(ApplicationContext.builder()
                .environments("test")
                .properties(settings)
                .start());
    }

    /** What the brokerage under test is configured with: the same tables, and the fronts' addresses. */
    Map<String, String> brokerageProperties() {
        Map<String, String> p = new HashMap<>();
        settings.forEach((k, v) -> p.put(k, v.toString()));
        p.put("sse.brokerage.directory-url", directory.uri().toString());
        p.put("sse.brokerage.ledger-url", ledger.uri().toString());
        return p;
    }

    /** Another Lambda instance of the brokerage, for concurrent invocations. */
    LambdaInstance brokerage() {
        return brokerage(Map.of());
    }

    /** A Lambda instance of the brokerage with more settings, e.g. {@code sse.test.crashes=on} to let {@link Crashes} kill it. */
    LambdaInstance brokerage(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(brokerageProperties());
        p.putAll(more);
        return instance(p);
    }

    /** The reconciliation's scheduled handler, in a context of its own as its Lambda runs, with the brokerage's settings. */
    ReconcileOnSchedule reconciliation(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(brokerageProperties());
        p.putAll(more);
        return new ReconcileOnSchedule(
                ApplicationContext.builder().environments("test").properties(p));
    }

    /** The events of a request in the brokerage table's stream, at least {@code atLeast} of them (repairs included). */
    List<EventEnvelope> events(String requestId, int atLeast, EventJson json) throws Exception {
        List<EventEnvelope> seen = new ArrayList<>();
        try (TableStreamReader stream =
                TableStreamReader.of(Engines.dynamo().endpoint(), table("brokerage"), StartingPosition.TRIM_HORIZON)) {
            Polling.until(
                    () -> {
                        stream.readAtLeast(1, java.time.Duration.ofSeconds(1)).stream()
                                .map(rec -> StreamedEvents.of(rec, json))
                                .flatMap(java.util.Optional::stream)
                                .filter(e -> requestId.equals(e.data().get("requestId")))
                                .forEach(seen::add);
                        return seen.size();
                    },
                    n -> n >= atLeast,
                    java.time.Duration.ofSeconds(30));
        }
        return seen;
    }

    String table(String function) {
        return (String) settings.get("sse." + function + ".table-name");
    }

    /** The directory's stream drives the indexer, as its event source mapping does in AWS. */
    World indexing() {
        IndexDirectoryChanges indexer =
                new IndexDirectoryChanges(ApplicationContext.builder().properties(settings));
        streams.add(indexer);
        poll(table("directory"), event -> indexer.handleRequest(event, null));
        return this;
    }

    /** The brokerage's stream drives the directory's quality signals. */
    World signals() {
        RecordEngagementOutcomes outcomes =
                new RecordEngagementOutcomes(ApplicationContext.builder().properties(settings));
        streams.add(outcomes);
        poll(table("brokerage"), event -> outcomes.handleRequest(event, null));
        return this;
    }

    private void poll(
            String table,
            java.util.function.Function<
                            com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>
                    handler) {
        TableStreamReader reader =
                TableStreamReader.of(Engines.dynamo().endpoint(), table, StartingPosition.TRIM_HORIZON);
        StreamPoller poller = StreamPoller.start(reader, handler, 100, 5);
        streams.add(0, reader);
        streams.add(0, poller);
    }

    @Override
    public void close() {
        for (AutoCloseable c : streams) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing what is left
            }
        }
        directory.close();
        ledger.close();
    }
}

package uk.sse.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.sse.reporting.ReportingSettings;
import uk.sse.reporting.scenario.Scenario;
import uk.sse.reporting.storage.ReadModelSchemas;
import uk.sse.reporting.support.ReadModelRows;
import uk.sse.reporting.support.ReportFigures;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.reporting.support.StreamRecords;

/**
 * A rebuild re-projects the scenario from the publishers' own tables into fresh tables and swaps them in: a read model
 * that had gone wrong comes back right, the stream's changes during a rebuild land in both schemas, and a rebuild
 * running beside the stream handler (real threads) ends with the hand-worked figures.
 */
@MicronautTest(environments = "test", transactional = false)
class RebuildTest extends ReportingLambdaTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(Scenario.played().sourceTables());
        p.put("test.scan-gate", "true");
        return p;
    }

    @BeforeEach
    void emptyReadModel() {
        context.getBean(ReadModelRows.class).empty();
    }

    @Test
    void aReadModelThatWentWrongIsRebuiltFromTheSourceTables() {
        project(Scenario.played().ledgerRecords(), 100); // half the read model...
        execute("UPDATE ledger_transfer SET amount = amount * 100"); // ...and that half damaged
        RebuildReadModel.Rebuilt rebuilt =
                context.getBean(RebuildReadModel.class).rebuild();
        assertThat(rebuilt.unreadable()).isZero();
        assertThat(rebuilt.changesApplied()).isPositive();
        new ReportFigures(context).assertAllAsExpected();
        assertThat(schemas()).containsExactly(settings().schema());
        // the rebuilt schema keeps its migration history: the function starts on it as on any other
        try (ApplicationContext restarted = ApplicationContext.builder()
                .environments("test")
                .properties(new HashMap<>(getProperties()))
                .start()) {
            new ReportFigures(restarted).assertAllAsExpected();
        }
    }

    @Test
    void whileARebuildFillsTheNextSchemaTheStreamWritesToBoth() {
        ReadModelSchemas schemas = context.getBean(ReadModelSchemas.class);
        schemas.prepareNext();
        try {
            project(Scenario.played().brokerageRecords(), 50);
            ReadModelRows rows = context.getBean(ReadModelRows.class);
            long logged = rows.count("brokerage_event");
            assertThat(logged).isPositive();
            assertThat(rows.count(schemas.next().value(), "brokerage_event")).isEqualTo(logged);
            assertThat(rows.count(schemas.next().value(), "request")).isEqualTo(rows.count("request"));
            assertThatThrownBy(schemas::prepareNext)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("_next exists");
        } finally {
            schemas.abandonNext();
        }
        assertThat(schemas()).containsExactly(settings().schema());
    }

    @Test
    void aRebuildBesideTheStreamHandlerEndsRight() throws Exception {
        List<DynamodbStreamRecord> records = Scenario.played().records();
        int third = records.size() / 3;
        deliver(records.subList(0, third)); // before the rebuild
        ScanGate.close();
        CompletableFuture<RebuildReadModel.Rebuilt> rebuild = CompletableFuture.supplyAsync(
                () -> context.getBean(RebuildReadModel.class).rebuild());
        try {
            assertThat(ScanGate.awaitAScan(60))
                    .as("the rebuild reached its scan")
                    .isTrue();
            int duringRebuild =
                    deliver(records.subList(third, 2 * third)); // while the next schema exists, the scan held
            assertThat(duringRebuild).as("no batch failed before the swap").isZero();
            assertThat(context.getBean(ReadModelRows.class)
                            .count(
                                    context.getBean(ReadModelSchemas.class)
                                            .next()
                                            .value(),
                                    "ledger_transfer"))
                    .as("the stream wrote to the next schema too")
                    .isPositive();
        } finally {
            ScanGate.open();
        }
        int retried = deliver(records.subList(2 * third, records.size())); // racing the scan and the swap
        rebuild.get(120, TimeUnit.SECONDS);
        org.slf4j.LoggerFactory.getLogger(RebuildTest.class)
                .info("{} records streamed beside the rebuild; {} batches delivered again", records.size(), retried);
        new ReportFigures(context).assertAllAsExpected();
        assertThat(schemas()).containsExactly(settings().schema());
    }

    /**
     * Delivers the records in batches of two; a batch that failed (the schemas were swapped under it) comes again, as the
     * event source mapping sends it. How many deliveries were repeated.
     */
    private int deliver(List<DynamodbStreamRecord> records) {
        int again = 0;
        for (int from = 0; from < records.size(); from += 2) {
            var batch = StreamRecords.event(records.subList(from, Math.min(records.size(), from + 2)));
            for (int attempt = 0;
                    !handler().handleRequest(batch, null).getBatchItemFailures().isEmpty();
                    attempt++) {
                assertThat(attempt).as("a batch failed again and again").isLessThan(5);
                again++;
            }
        }
        return again;
    }

    private ReportingSettings settings() {
        return context.getBean(ReportingSettings.class);
    }

    /** The schemas of this test's read model: the live one, and any next, build or old one left behind. */
    @SuppressWarnings("unchecked")
    private List<String> schemas() {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> {
            try (Statement st = status.getConnection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '"
                            + settings().schema() + "%' ORDER BY 1")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void execute(String sql) {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            try (Statement st = status.getConnection().createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }
}

package uk.sse.reporting.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.brokerage.application.ErasePerson;
import uk.sse.engines.Engines;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.Tombstone;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.snapstart.SnapStartHooks;
import uk.sse.ledger.application.CheckLedger;
import uk.sse.ledger.application.EraseRequesters;
import uk.sse.reporting.support.ReportFigures;
import uk.sse.reporting.support.ReportingLambdaTest;
import uk.sse.reporting.support.StreamRecords;
import uk.sse.testing.LocalSecretsManager;
import uk.sse.testing.TableStrings;
import uk.sse.testing.TestErasureKey;

/**
 * Issue 20's test of an erasure: the scripted term is played on tables of its own and projected into the read model;
 * the area's admin erases the adviser "ann", who raised ten requests, agreed one, cancelled one and rated three, from
 * the brokerage and from the ledger (where she is the person the brokerage acted for on two holds); the tables'
 * streams carry the rewrites to the read model's stream handler. Afterwards neither table nor the read model holds
 * her subject or any text she wrote, every report gives the same figures (still those
 * worked out by hand), and the ledger's invariants hold. Then the area's assurer and a provider's lead (a contact, by
 * their email) are erased from the directory: no table nor the read model names them, and the figures stand. The
 * three functions read the erasure key from Secrets Manager (a local one, through the real SDK client) as in AWS, and
 * each gives the same tombstone for one subject: the subject's HMAC under that key (decision 0117); a simulated
 * SnapStart restore between the erasures makes the key be read again.
 */
@MicronautTest(environments = "test", transactional = false)
class ErasureLeavesNoTraceTest extends ReportingLambdaTest {

    static final String ANN = "ann";
    static final String KEY_ARN = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:sse-test/erasure-key-AbCdEf";
    static final String KEY = "the-stages-erasure-key-generated-by-secrets-manager-0123456789";
    /** What ann wrote: each need she raised, the reason she cancelled R3, her impact notes. */
    static final List<String> HER_TEXTS = List.of(
            "Support needed at Moorside Primary",
            "Support needed at Hillcrest Academy",
            "Support needed at Riverside Infants",
            "Support needed at Oakfield High School",
            "Support needed at Brook Special School",
            "Support needed at Elm Tree Primary",
            "leadership change at the school",
            "impact seen");

    @Test
    void anErasedAdviserIsInNoTableOrReadModelAndEveryFigureStands() {
        Scenario scenario = Scenario.playedAfresh();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.putAll(scenario.sourceTables());
        LocalSecretsManager secrets = LocalSecretsManager.start();
        secrets.put(KEY_ARN, KEY);
        properties.put("sse.erasure.key-arn", KEY_ARN);
        properties.put("sse.erasure.secrets-endpoint", secrets.endpoint());
        Tombstone underTheKey = Tombstone.keyed(KEY);
        String brokerageTable = scenario.sourceTables().get("sse.brokerage.table-name");
        String ledgerTable = scenario.sourceTables().get("sse.ledger.table-name");
        String directoryTable = scenario.sourceTables().get("sse.directory.table-name");
        try (secrets;
                ApplicationContext functions = ApplicationContext.builder()
                        .environments("test")
                        .properties(properties)
                        .start();
                StreamRecords brokerageStream =
                        StreamRecords.of(Engines.dynamo().endpoint(), brokerageTable);
                StreamRecords ledgerStream = StreamRecords.of(Engines.dynamo().endpoint(), ledgerTable);
                StreamRecords directoryStream =
                        StreamRecords.of(Engines.dynamo().endpoint(), directoryTable)) {
            assertThat(brokerageStream.next())
                    .as("the scenario's records, drained: projected next")
                    .isNotEmpty();
            assertThat(ledgerStream.next()).isNotEmpty();
            assertThat(directoryStream.next()).isNotEmpty();
            project(scenario.records(), 100);
            ReportFigures figures = new ReportFigures(context);
            figures.assertAllAsExpected();
            Map<String, ?> before = figures.all();
            DynamoDbClient dynamo = functions.getBean(DynamoDbClient.class);
            assertThat(mentions(strings(dynamo, brokerageTable)))
                    .as("before: the table names her and holds her words")
                    .isNotEmpty();
            assertThat(mentions(strings(dynamo, ledgerTable)))
                    .as("before: the ledger names her, as the person the brokerage acted for")
                    .isNotEmpty();
            assertThat(readModelMentions()).as("before: so does the read model").isNotEmpty();

            Caller admin = new Caller("admin-888", Role.ADMIN, Scenario.AREA, "la-888");
            ErasePerson people = functions.getBean(ErasePerson.class);
            var export = (Outcome.Done<ErasePerson.Export>) people.export(admin, ANN);
            assertThat(export.value().requests()).hasSize(10);
            assertThat(export.value().requests().stream()
                            .flatMap(m -> m.texts().stream())
                            .distinct())
                    .containsExactlyInAnyOrderElementsOf(HER_TEXTS);

            var erased = (Outcome.Done<ErasePerson.Erased>) people.erase(admin, ANN);
            assertThat(erased.value().requests()).isEqualTo(10);
            assertThat(erased.value().tombstone())
                    .as("her subject's HMAC under the key read from the secret, not the tests' configured key")
                    .isEqualTo(underTheKey.of(ANN))
                    .isNotEqualTo(TestErasureKey.of(ANN));
            var ledgerErased = (Outcome.Done<EraseRequesters.Erased>)
                    functions.getBean(EraseRequesters.class).erase(admin, ANN);
            assertThat(ledgerErased.value().transfers())
                    .as("R2's hold she agreed, R3's she voided by cancelling")
                    .isEqualTo(2);
            assertThat(ledgerErased.value().tombstone())
                    .as("the ledger derives the same tombstone, untold")
                    .isEqualTo(erased.value().tombstone());
            assertThat(secrets.reads(KEY_ARN))
                    .as("the key is read once, and kept")
                    .isEqualTo(1);
            List<DynamodbStreamRecord> rewrites = new ArrayList<>(brokerageStream.next());
            rewrites.addAll(ledgerStream.next());
            assertThat(rewrites)
                    .as("the erasure's rewrites, as the streams carry them")
                    .isNotEmpty()
                    .allMatch(r -> "MODIFY".equals(r.getEventName()));
            project(rewrites, 100);

            assertThat(mentions(strings(dynamo, brokerageTable)))
                    .as("the brokerage table")
                    .isEmpty();
            assertThat(mentions(strings(dynamo, ledgerTable)))
                    .as("the ledger table")
                    .isEmpty();
            assertThat(mentions(strings(dynamo, directoryTable)))
                    .as("the directory table")
                    .isEmpty();
            assertThat(readModelMentions()).as("the read model").isEmpty();
            assertThat(figures.all()).as("every report").isEqualTo(before);
            figures.assertAllAsExpected();
            assertThat(functions.getBean(CheckLedger.class).run(Scenario.AREA).ok())
                    .as("the ledger's invariants")
                    .isTrue();

            // the area's assurer, who approved every offer, and a provider's lead (a contact, found by email) in the
            // directory
            String assurer = "assurer-" + Scenario.AREA;
            List<String> lead = List.of("Lead of Oakfield High School", "lead@100004.example.org");
            assertThat(strings(dynamo, directoryTable))
                    .as("before: the directory names the assurer and the lead")
                    .contains(assurer)
                    .containsAll(lead);
            functions.getBean(SnapStartHooks.class).afterRestore(null);
            var directory = functions.getBean(uk.sse.directory.application.ErasePerson.class);
            var assurerErased = (Outcome.Done<uk.sse.directory.application.ErasePerson.Erased>)
                    directory.erase(admin, assurer, null);
            assertThat(assurerErased.value().offers())
                    .as("every offer of the area")
                    .isPositive();
            assertThat(assurerErased.value().tombstone()).isEqualTo(underTheKey.of(assurer));
            assertThat(secrets.reads(KEY_ARN))
                    .as("a restored copy reads the key again before its first erasure")
                    .isEqualTo(2);
            var leadErased = (Outcome.Done<uk.sse.directory.application.ErasePerson.Erased>)
                    directory.erase(admin, "lead-100004", lead.get(1));
            assertThat(leadErased.value().providers())
                    .as("the provider naming them as contact")
                    .isEqualTo(1);
            List<DynamodbStreamRecord> directoryRewrites = directoryStream.next();
            assertThat(directoryRewrites)
                    .as("the directory's rewrites")
                    .isNotEmpty()
                    .allMatch(r -> "MODIFY".equals(r.getEventName()));
            project(directoryRewrites, 100);
            for (String table : List.of(brokerageTable, ledgerTable, directoryTable)) {
                assertThat(strings(dynamo, table))
                        .as(table)
                        .noneMatch(v -> v.equals(assurer) || v.contains("\"" + assurer + "\""))
                        .noneMatch(v -> lead.stream().anyMatch(v::contains));
            }
            assertThat(readModelMentions(assurer, lead)).as("the read model").isEmpty();
            assertThat(figures.all())
                    .as("every report, after the directory's erasures")
                    .isEqualTo(before);
            figures.assertAllAsExpected();
        }
    }

    /** The strings that are her subject, quote it (a JSON value) or hold a text she wrote. */
    static List<String> mentions(List<String> strings) {
        return strings.stream()
                .filter(s -> s.equals(ANN)
                        || s.contains("\"" + ANN + "\"")
                        || HER_TEXTS.stream().anyMatch(s::contains))
                .toList();
    }

    /** Every string anywhere in every item of the table (no Idempotency-Key claims here: the script uses none). */
    static List<String> strings(DynamoDbClient dynamo, String table) {
        return TableStrings.of(dynamo, table);
    }

    /** Each column of text or JSON, in every table of this test's read-model schema, that names her or holds her words. */
    @SuppressWarnings("unchecked")
    List<String> readModelMentions() {
        return readModelMentions(ANN, HER_TEXTS);
    }

    /** Each column of text or JSON that names {@code subject} (or quotes it) or holds one of {@code texts}. */
    @SuppressWarnings("unchecked")
    List<String> readModelMentions(String subject, List<String> texts) {
        return readModelMentions(context, getProperties().get("sse.reporting.schema"), subject, texts);
    }

    /**
     * Each column of text or JSON in {@code schema} that names {@code subject} (or quotes it; none if null) or holds one
     * of {@code texts}, with a count of its rows that do.
     */
    @SuppressWarnings("unchecked")
    static List<String> readModelMentions(
            io.micronaut.context.BeanContext context, String schema, String subject, List<String> texts) {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> {
            Connection c = status.getConnection();
            List<String> found = new ArrayList<>();
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT table_name, column_name FROM information_schema.columns"
                            + " WHERE table_schema = ? AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).as("the read model's text columns").isNotEmpty();
            for (String[] col : columns) {
                StringBuilder where = new StringBuilder(subject == null ? "false" : "x = ? OR x LIKE ?");
                texts.forEach(t -> where.append(" OR x LIKE ?"));
                String sql = "SELECT count(*) FROM (SELECT \"" + col[1] + "\"::text AS x FROM \"" + schema + "\".\""
                        + col[0] + "\") t WHERE " + where;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int first = 1;
                    if (subject != null) {
                        ps.setString(1, subject);
                        ps.setString(2, "%\"" + subject + "\"%");
                        first = 3;
                    }
                    for (int i = 0; i < texts.size(); i++) ps.setString(first + i, "%" + texts.get(i) + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) found.add(col[0] + "." + col[1] + ": " + rs.getLong(1));
                    }
                }
            }
            return found;
        });
    }
}

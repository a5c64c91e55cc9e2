package uk.sse.ledger.storage;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Transactions;
import uk.sse.ledger.application.CreditSchemes;
import uk.sse.ledger.model.CreditScheme;
import uk.sse.ledger.model.Requester;

/**
 * Credit schemes in the ledger's table: {@code SCHEME#area / SCHEME}, with no index keys, so the area queries, the
 * sweeper and the reporting read model never meet them. Few (one per area): the job reads them all with a scan.
 */
@Singleton
public class DynamoCreditSchemes implements CreditSchemes {

    static final String SCHEME = "SCHEME";

    private final DynamoDbClient client;
    private final String table;

    public DynamoCreditSchemes(DynamoDbClient client, LedgerTable table) {
        this.client = client;
        this.table = table.name();
    }

    @Override
    public Optional<CreditScheme> find(String area) {
        var response = Transactions.busyOnFault(
                "get",
                () -> client.getItem(b -> b.tableName(table).key(key(area)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(scheme(response.item()))
                : Optional.empty();
    }

    @Override
    public boolean put(CreditScheme s) {
        Map<String, AttributeValue> item = new HashMap<>(Items.of(new HashMap<>(key(s.area())))
                .s("type", SCHEME)
                .s("area", s.area())
                .n("creditsPerTerm", s.creditsPerTerm())
                .bool("unspentExpires", s.unspentExpires())
                .s("setAt", s.setAt().toString())
                .n(LedgerItems.VERSION, s.version())
                .build());
        item.put("setBy", LedgerItems.requesterValue(s.setBy()));
        try {
            Transactions.busyOnFault(
                    "put",
                    () -> client.putItem(b -> b.tableName(table)
                            .item(item)
                            .conditionExpression(s.version() == 1 ? "attribute_not_exists(pk)" : "#v = :previous")
                            .expressionAttributeNames(s.version() == 1 ? null : Map.of("#v", LedgerItems.VERSION))
                            .expressionAttributeValues(
                                    s.version() == 1
                                            ? null
                                            : Map.of(
                                                    ":previous",
                                                    AttributeValue.fromN(Long.toString(s.version() - 1))))));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    @Override
    public List<CreditScheme> all() {
        List<CreditScheme> all = new ArrayList<>();
        Transactions.busyOnFault("scan", () -> {
            client.scanPaginator(b -> b.tableName(table)
                            .consistentRead(true)
                            .filterExpression("#type = :scheme")
                            .expressionAttributeNames(Map.of("#type", "type"))
                            .expressionAttributeValues(Map.of(":scheme", AttributeValue.fromS(SCHEME))))
                    .items()
                    .forEach(item -> all.add(scheme(item)));
            return all;
        });
        return all;
    }

    private static Map<String, AttributeValue> key(String area) {
        return LedgerItems.key(SCHEME + "#" + area, SCHEME);
    }

    private static CreditScheme scheme(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        Requester by = LedgerItems.requesterOf(item.get("setBy"));
        return new CreditScheme(
                i.s("area"),
                i.n("creditsPerTerm"),
                item.get("unspentExpires").bool(),
                by,
                Instant.parse(i.s("setAt")),
                i.n(LedgerItems.VERSION));
    }
}

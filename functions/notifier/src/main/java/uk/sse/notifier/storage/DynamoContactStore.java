package uk.sse.notifier.storage;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.identity.Role;
import uk.sse.notifier.NotifierSettings;
import uk.sse.notifier.application.ContactStore;
import uk.sse.notifier.model.Audience;
import uk.sse.notifier.model.Contact;
import uk.sse.notifier.model.NoticeKind;

/**
 * People in the notifier's table: {@code PERSON#<subject> / CONTACT}, found by their role in their area through gsi1
 * ({@code MEMBERS#ROLE#<role>#<area> / subject}) and by their organisation through gsi2 ({@code MEMBERS#ORG#<org> /
 * subject}). A person is forgotten (TTL) {@code keep-notices} after they last signed in.
 */
@Singleton
public class DynamoContactStore implements ContactStore {

    private static final String MEMBERS = "MEMBERS#";

    private final DynamoDbClient client;
    private final String table;
    private final Duration keep;

    public DynamoContactStore(DynamoDbClient client, NotifierTable table, NotifierSettings settings) {
        this.client = client;
        this.table = table.name();
        this.keep = settings.keepNotices();
    }

    @Override
    public void save(Contact c) {
        Items item = Items.builder()
                .s(Tables.PK, "PERSON#" + c.subject())
                .s(Tables.SK, "CONTACT")
                .s("entity", "CONTACT")
                .s("subject", c.subject())
                .s("email", c.email())
                .s("role", c.role().name())
                .s("area", c.area())
                .s("org", c.organisation())
                .strings(
                        "emailsOff",
                        c.emailsOff().stream().map(Enum::name).sorted().toList())
                .s("updatedAt", c.updatedAt().toString())
                .n("expiresAt", c.updatedAt().plus(keep).getEpochSecond());
        if (c.area() != null) {
            item.s(
                            Tables.indexPk(1),
                            MEMBERS + Audience.role(c.role(), c.area()).key())
                    .s(Tables.indexSk(1), c.subject());
        }
        if (c.organisation() != null) {
            item.s(
                            Tables.indexPk(2),
                            MEMBERS + Audience.organisation(c.organisation()).key())
                    .s(Tables.indexSk(2), c.subject());
        }
        client.putItem(b -> b.tableName(table).item(item.build()));
    }

    @Override
    public Optional<Contact> find(String subject) {
        var response = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of(
                        Tables.PK,
                        AttributeValue.fromS("PERSON#" + subject),
                        Tables.SK,
                        AttributeValue.fromS("CONTACT"))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(contact(response.item()))
                : Optional.empty();
    }

    @Override
    public List<Contact> members(Audience audience) {
        String key = audience.key();
        if (key.startsWith("PERSON#")) {
            return find(key.substring("PERSON#".length())).stream().toList();
        }
        int index = key.startsWith("ROLE#") ? 1 : 2;
        List<Contact> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName(table)
                    .indexName(Tables.indexName(index))
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Tables.indexPk(index)))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MEMBERS + key)))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> all.add(contact(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    private static Contact contact(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        List<String> off = item.containsKey("emailsOff") ? i.strings("emailsOff") : List.of();
        return new Contact(
                i.s("subject"),
                i.s("email"),
                Role.valueOf(i.s("role")),
                i.s("area"),
                i.s("org"),
                off.stream().map(NoticeKind::valueOf).collect(Collectors.toSet()),
                Instant.parse(i.s("updatedAt")));
    }
}

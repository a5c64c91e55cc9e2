package uk.sse.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.kernel.dynamo.Items;

/**
 * Writes items in the directory table's format by hand, as the directory wrote them before its published items carried
 * a {@code contractVersion} (so they read as version 1 of {@code PublishedOffer} and {@code PublishedSchool}), and
 * items it may hold that break that shape. Items written by the directory's own code reach the indexer in
 * {@code shared/architecture}'s {@code EveryConsumerReadsThePublishedItemsTest}.
 */
final class DirectoryFixture {

    private final DynamoDbClient dynamo;
    private final String table;

    DirectoryFixture(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The current item and its version copy in one transaction, as the directory does. */
    void put(TestOffer offer) {
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(offerItem(offer, "CURRENT")))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(offerItem(offer, String.format("V#%010d", offer.version()))))
                        .build()));
    }

    /** Current items only, 25 at a time: quick loading of many offers. */
    void putAll(List<TestOffer> offers) {
        List<WriteRequest> writes = new ArrayList<>();
        for (TestOffer o : offers) {
            writes.add(WriteRequest.builder()
                    .putRequest(
                            PutRequest.builder().item(offerItem(o, "CURRENT")).build())
                    .build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> request =
                    Map.of(table, writes.subList(from, Math.min(from + 25, writes.size())));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> ask = request;
                var response = dynamo.batchWriteItem(b -> b.requestItems(ask));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    void remove(String offerId) {
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("OFFER#" + offerId), "sk", AttributeValue.fromS("CURRENT"))));
    }

    Map<String, AttributeValue> offerItem(TestOffer o, String sk) {
        Items item = Items.builder()
                .s("pk", "OFFER#" + o.id())
                .s("sk", sk)
                .s("entity", "OFFER")
                .s("id", o.id())
                .s("providerId", "P1")
                .s("providerName", "Moorside Maths Hub")
                .s("providerType", "HUB")
                .s("area", "888")
                .strings("designations", List.of("MATHS_HUB"))
                .s("title", o.title())
                .s("description", "Weekly coaching for reading leads")
                .strings("areasOfSupport", o.areasOfSupport())
                .strings("phases", List.of("PRIMARY"))
                .strings("deliveryModes", List.of("IN_PERSON", "ONLINE"))
                .n("capacityDaysPerTerm", new java.math.BigDecimal("6.5"))
                .n("priceCredits", 12)
                .n("dayRatePence", 45000)
                .n("lat", o.lat())
                .n("lon", o.lon())
                .n("travelRadiusKm", 30)
                .s("availableFrom", o.availableFrom())
                .s("availableUntil", "2027-07-20")
                .s("evidenceSummary", "Reading ages up by a year")
                .strings("evidenceLinks", List.of("https://example.org/r"))
                .map("contact", Items.builder().s("name", "A Lead").s("email", "lead@example.org"))
                .s("status", o.status())
                .s("reviewDate", o.reviewDate() == null ? null : o.reviewDate().toString())
                .n("version", o.version())
                .s("createdAt", "2026-11-01T10:00:00Z")
                .s("updatedAt", o.updatedAt().toString());
        if ("CURRENT".equals(sk)) {
            item.s("gsi1pk", "PROVIDER#P1")
                    .s("gsi1sk", "OFFER#" + o.id())
                    .s("gsi2pk", "OFFERSTATUS#" + o.status())
                    .s("gsi2sk", "888#" + o.updatedAt() + "#" + o.id());
        }
        return item.build();
    }

    void putSchool(String urn, String name, String town) {
        putSchool(urn, name, town, "Open", null);
    }

    /** A school of GIAS's {@code status}; a closed one with the day it closed, as the directory writes it (0062). */
    void putSchool(String urn, String name, String town, String status, String closedOn) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Items.builder()
                        .s("pk", "SCHOOL#" + urn)
                        .s("sk", "PROFILE")
                        .s("entity", "SCHOOL")
                        .s("gsi1pk", "SCHOOLNAME#" + name.toLowerCase().charAt(0))
                        .s("gsi1sk", name.toLowerCase() + "#" + urn)
                        .s("gsi2pk", "LA#888")
                        .s("gsi2sk", name.toLowerCase() + "#" + urn)
                        .s("urn", urn)
                        .s("name", name)
                        .s("laCode", "888")
                        .s("laName", "Lancashire")
                        .s("type", "Community school")
                        .s("status", status)
                        .s("closedOn", closedOn)
                        .s("phase", "Primary")
                        .n("pupils", 210)
                        .s("town", town)
                        .s("postcode", "PR1 2AB")
                        .n("easting", 354000)
                        .n("northing", 429000)
                        .n("lat", 53.76)
                        .n("lon", -2.70)
                        .build()));
    }

    void putProvider(String id) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Items.builder()
                        .s("pk", "PROVIDER#" + id)
                        .s("sk", "PROFILE")
                        .s("entity", "PROVIDER")
                        .s("gsi2pk", "PROVIDERS#888")
                        .s("gsi2sk", "moorside#" + id)
                        .s("id", id)
                        .s("type", "HUB")
                        .s("name", "Moorside Maths Hub")
                        .s("area", "888")
                        .n("version", 1)
                        .s("createdAt", "2026-11-01T10:00:00Z")
                        .s("updatedAt", "2026-11-01T10:00:00Z")
                        .build()));
    }

    void putIdempotencyKey(String key) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Items.builder()
                        .s("pk", "IDEMPOTENCY#P1#" + key)
                        .s("sk", "KEY")
                        .s("resultId", "O1")
                        .s("requestHash", "abc")
                        .s("createdAt", "2026-11-01T10:00:00Z")
                        .n("expiresAt", 1_800_000_000L)
                        .build()));
    }
}

package uk.sse.indexer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.search.SearchIndices;

/** Every current offer, or every school, of the directory table, a scan page at a time. */
public final class DirectoryScan {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DirectoryItems items;

    public DirectoryScan(DynamoDbClient dynamo, String table, DirectoryItems items) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = items;
    }

    /** Pages of changes that put each item as it is now; schools get {@code schoolVersion}. */
    public Stream<List<IndexChange>> pages(SearchIndices which, long schoolVersion) {
        PublishedItems.Kind kind =
                which == SearchIndices.OFFERS ? PublishedItems.Kind.OFFER : PublishedItems.Kind.SCHOOL;
        var pages = dynamo.scanPaginator(b -> b.tableName(table)
                .consistentRead(true)
                .filterExpression("#entity = :entity AND #sk = :sk")
                .expressionAttributeNames(Map.of("#entity", PublishedItems.ENTITY, "#sk", PublishedItems.SORT_KEY))
                .expressionAttributeValues(Map.of(
                        ":entity", AttributeValue.fromS(kind.entity()), ":sk", AttributeValue.fromS(kind.sortKey()))));
        return StreamSupport.stream(pages.spliterator(), false)
                .map(page -> page.items().stream()
                        .map(item -> items.change(item.get("pk").s(), Items.of(item), false, schoolVersion))
                        .flatMap(Optional::stream)
                        .toList());
    }
}

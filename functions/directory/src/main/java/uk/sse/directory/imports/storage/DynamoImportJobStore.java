package uk.sse.directory.imports.storage;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import uk.sse.directory.imports.ImportCounts;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.imports.ImportJobStore;
import uk.sse.directory.imports.Rejection;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.directory.storage.Throttled;
import uk.sse.kernel.dynamo.ConditionalPuts;
import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/**
 * Jobs in the directory table: {@code IMPORT#id / JOB}, listed newest first by gsi1 {@code IMPORTS#kind /
 * <created, epoch ms, 13 digits>#id} (an ISO instant would not sort: it drops a zero fraction); rejected rows {@code IMPORT#id / REJECTED#<line, 10 digits>}. Both are kept a year (TTL).
 */
@Singleton
public class DynamoImportJobStore implements ImportJobStore {

    static final String JOB = "JOB";
    static final String REJECTED = "REJECTED#";
    static final Duration KEPT = Duration.ofDays(366);

    private final DynamoDbClient client;
    private final String table;
    private final Throttled throttled;

    public DynamoImportJobStore(DynamoDbClient client, DirectoryTable table, Throttled throttled) {
        this.client = client;
        this.table = table.name();
        this.throttled = throttled;
    }

    static String pk(String id) {
        return "IMPORT#" + id;
    }

    @Override
    public boolean create(ImportJob job) {
        return ConditionalPuts.putNew(client, table, item(job).build());
    }

    @Override
    public Optional<ImportJob> find(String id) {
        var got = client.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of(
                        DirectoryTable.PK,
                        AttributeValue.fromS(pk(id)),
                        DirectoryTable.SK,
                        AttributeValue.fromS(JOB))));
        return got.hasItem() && !got.item().isEmpty() ? Optional.of(job(Items.of(got.item()))) : Optional.empty();
    }

    @Override
    public boolean replace(ImportJob read, ImportJob next) {
        try {
            throttled.call(() -> client.putItem(b -> b.tableName(table)
                    .item(item(next).build())
                    .conditionExpression("version = :read")
                    .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(read.version()))))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public void addRejections(String jobId, List<Rejection> rejections) {
        long expires = Instant.now().plus(KEPT).getEpochSecond();
        List<WriteRequest> writes = rejections.stream()
                .map(r -> WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Items.builder()
                                        .s(DirectoryTable.PK, pk(jobId))
                                        .s(DirectoryTable.SK, REJECTED + String.format("%010d", r.line()))
                                        .s("entity", "IMPORT_REJECTION")
                                        .n("line", r.line())
                                        .s("key", r.key())
                                        .s("reason", r.reason())
                                        .n("expiresAt", expires)
                                        .build())
                                .build())
                        .build())
                .toList();
        throttled.writeAll(client, table, writes);
    }

    @Override
    public Page<ImportJob> recent(String kind, PageRequest page) {
        return IndexQueries.page(
                client,
                table,
                DirectoryTable.GSI1,
                "IMPORTS#" + kind,
                null,
                IndexQueries.Filter.NONE,
                false,
                page,
                DynamoImportJobStore::job);
    }

    @Override
    public Page<Rejection> rejections(String jobId, PageRequest page) {
        Map<String, AttributeValue> start = Cursors.startOf(page.cursor());
        QueryResponse response = client.query(b -> b.tableName(table)
                .limit(page.limit())
                .exclusiveStartKey(start)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :rejected)")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(pk(jobId)), ":rejected", AttributeValue.fromS(REJECTED))));
        List<Rejection> rows = response.items().stream()
                .map(Items::of)
                .map(i -> new Rejection(i.n("line"), i.s("key"), i.s("reason")))
                .toList();
        boolean more =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page<>(rows, more ? Cursors.encode(response.lastEvaluatedKey()) : null);
    }

    static Items item(ImportJob j) {
        ImportCounts c = j.counts();
        return Items.builder()
                .s(DirectoryTable.PK, pk(j.id()))
                .s(DirectoryTable.SK, JOB)
                .s("entity", "IMPORT")
                .s(DirectoryTable.GSI1_PK, "IMPORTS#" + j.kind())
                .s(
                        DirectoryTable.GSI1_SK,
                        String.format("%013d#%s", j.createdAt().toEpochMilli(), j.id()))
                .s("id", j.id())
                .s("kind", j.kind())
                .s("scope", j.scope().name())
                .s("source", j.source().name())
                .s("fileName", j.fileName())
                .s("objectKey", j.objectKey())
                .s("createdBy", j.createdBy())
                .s("createdAt", text(j.createdAt()))
                .s("status", j.status().name())
                .s("startedAt", text(j.startedAt()))
                .s("finishedAt", text(j.finishedAt()))
                .n("read", c.read())
                .n("created", c.created())
                .n("updated", c.updated())
                .n("unchanged", c.unchanged())
                .n("rejected", c.rejected())
                .n("closed", c.closed())
                .n("moved", c.moved())
                .n("removed", c.removed())
                .n("checkpoint", j.checkpoint())
                .s("failure", j.failure())
                .strings("warnings", j.warnings().isEmpty() ? null : j.warnings())
                .s("leaseOwner", j.lease() == null ? null : j.lease().owner())
                .s("leaseUntil", j.lease() == null ? null : j.lease().until().toString())
                .n("version", j.version())
                .n("expiresAt", j.createdAt().plus(KEPT).getEpochSecond());
    }

    static ImportJob job(Items i) {
        ImportCounts counts = new ImportCounts(
                i.n("read"),
                i.n("created"),
                i.n("updated"),
                i.n("unchanged"),
                i.n("rejected"),
                i.n("closed"),
                i.n("moved"),
                i.n("removed") == null ? 0 : i.n("removed")); // jobs recorded before it was counted
        ImportJob.Lease lease = i.s("leaseOwner") == null
                ? null
                : new ImportJob.Lease(i.s("leaseOwner"), Instant.parse(i.s("leaseUntil")));
        return new ImportJob(
                i.s("id"),
                i.s("kind"),
                ImportJob.Scope.valueOf(i.s("scope")),
                ImportJob.Source.valueOf(i.s("source")),
                i.s("fileName"),
                i.s("objectKey"),
                i.s("createdBy"),
                instant(i.s("createdAt")),
                ImportJob.Status.valueOf(i.s("status")),
                instant(i.s("startedAt")),
                instant(i.s("finishedAt")),
                counts,
                i.n("checkpoint"),
                i.s("failure"),
                i.strings("warnings"),
                lease,
                i.n("version"));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}

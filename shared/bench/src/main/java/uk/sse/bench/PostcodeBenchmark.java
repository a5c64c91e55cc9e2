package uk.sse.bench;

import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.directory.application.PostcodeStore;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.register.CodePointCsvReader;
import uk.sse.directory.register.PostcodeSector;
import uk.sse.directory.register.RejectedPostcode;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.engines.Engines;

/**
 * {@code ./run bench-postcodes [FILE] [RUNS]}: the postcode directory's import job (kind {@code postcodes}) on a whole
 * OS Code-Point Open file (default ../shared/data/postcodes/codepoint-open.csv.gz, 1.7 million rows) into DynamoDB
 * Local, as a file's arrival runs it; then the same file again (every sector unchanged); against a raw batched write
 * of the same sector items (the file read by the same reader and the sectors put 100 at a time: no read, no comparison,
 * no job) and the reader alone. Each writing phase gets a DynamoDB Local table of its own. Prints the time, rows a
 * second, the items in the table and the job's counts.
 */
public final class PostcodeBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/postcodes/codepoint-open.csv.gz");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        System.out.printf("file: %s, %,d bytes%n", file, Files.size(file));
        double[] jobSeconds = new double[runs];
        double[] againSeconds = new double[runs];
        double[] rawSeconds = new double[runs];
        double[] readSeconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            long[] rows = {0};
            readSeconds[run] =
                    RegisterBenchmark.measure(() -> rows[0] = readAlone(file)).seconds();
            String endpoint = NotifierBenchmark.freshDynamo().toString();
            try (ApplicationContext context = RegisterBenchmark.context(endpoint, "bench-postcodes-" + run)) {
                ImportJob[] job = {null};
                RegisterBenchmark.Phase imported = RegisterBenchmark.measure(
                        () -> job[0] = RegisterBenchmark.importJob(context, file, ImportPostcodes.KIND));
                jobSeconds[run] = imported.seconds();
                long items = sectorItems(context);
                System.out.printf(
                        "run %d: import job %.1f s (%,.0f rows/s, peak heap %d MB), %,d sector items, counts %s%n",
                        run + 1,
                        imported.seconds(),
                        job[0].counts().read() / imported.seconds(),
                        imported.peakHeap() >> 20,
                        items,
                        job[0].counts());
                ImportJob[] again = {null};
                againSeconds[run] = RegisterBenchmark.measure(
                                () -> again[0] = RegisterBenchmark.importJob(context, file, ImportPostcodes.KIND))
                        .seconds();
                System.out.printf(
                        "run %d: the same file again %.1f s, counts %s%n",
                        run + 1, againSeconds[run], again[0].counts());
            }
            try (ApplicationContext context = RegisterBenchmark.context(
                    NotifierBenchmark.freshDynamo().toString(), "bench-postcodes-raw-" + run)) {
                rawSeconds[run] =
                        RegisterBenchmark.measure(() -> rawWrite(context, file)).seconds();
                System.out.printf(
                        "run %d: raw batched write %.1f s (%,d sector items); reading alone %.1f s (%,d rows)%n",
                        run + 1, rawSeconds[run], sectorItems(context), readSeconds[run], rows[0]);
            }
        }
        System.out.printf(
                "median of %d runs: import job %.1f s, raw batched write %.1f s (job / raw = %.2f), same file again %.1f s,"
                        + " reading alone %.1f s%n",
                runs,
                Stats.median(jobSeconds),
                Stats.median(rawSeconds),
                Stats.median(jobSeconds) / Stats.median(rawSeconds),
                Stats.median(againSeconds),
                Stats.median(readSeconds));
        Engines.dynamo().close();
        System.exit(0);
    }

    /** The reader alone: the rows it reads, its sectors thrown away. */
    private static long readAlone(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            var result = CodePointCsvReader.read(in, new CodePointCsvReader.Sink() {
                @Override
                public void sector(PostcodeSector sector, long lastLine) {}

                @Override
                public void rejected(RejectedPostcode row) {}
            });
            return result instanceof CodePointCsvReader.Read read ? read.rows() : -1;
        }
    }

    /** The baseline: the same sectors read and put 100 at a time, nothing read from the table or compared. */
    private static Object rawWrite(ApplicationContext context, Path file) throws Exception {
        PostcodeStore store = context.getBean(PostcodeStore.class);
        List<PostcodeStore.Write> batch = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CodePointCsvReader.read(in, new CodePointCsvReader.Sink() {
                @Override
                public void sector(PostcodeSector sector, long lastLine) {
                    batch.add(new PostcodeStore.Write(sector, "raw", PostcodeStore.Tally.NONE));
                    if (batch.size() == 100) {
                        store.putAll(batch);
                        batch.clear();
                    }
                }

                @Override
                public void rejected(RejectedPostcode row) {}
            });
        }
        store.putAll(batch);
        return null;
    }

    /** The postcode sector items in the table. */
    private static long sectorItems(ApplicationContext context) {
        DynamoDbClient client = context.getBean(DynamoDbClient.class);
        String table = context.getBean(DirectoryTable.class).name();
        return client
                .scanPaginator(b -> b.tableName(table)
                        .select(Select.COUNT)
                        .filterExpression("entity = :e")
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromS("POSTCODE_SECTOR"))))
                .stream()
                .mapToLong(r -> r.count())
                .sum();
    }
}

package uk.sse.bench;

import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.imports.ImportFiles;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.imports.ImportJobStore;
import uk.sse.directory.imports.RunImportJob;
import uk.sse.directory.imports.files.LocalBucket;
import uk.sse.directory.register.GiasCsvReader;
import uk.sse.engines.Engines;
import uk.sse.local.demo.DemoDirectory;
import uk.sse.testing.GiasFiles;

/**
 * {@code ./run bench-register [ROWS] [RUNS]}: the register's import job on a file of GIAS's full shape (default 50,000
 * rows, the sample's real schools and generated ones) into DynamoDB Local, against a raw batched write of the same
 * items (the file parsed and put 100 rows at a time: no read, no comparison, no job), and the same file imported
 * again (every row unchanged). Each phase gets a DynamoDB Local of its own (it slows as stream records pile up);
 * the import and the baseline alternate which goes first.
 * Rows per second are medians over the runs; peak heap is the most the JVM's heap held during the phase (DynamoDB
 * Local, in this JVM, included), measured from the memory pools' peak usage reset before it.
 */
public final class RegisterBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("edubasealldata", ".csv");
        GiasFiles.write(file, rows, RegisterBenchmark.class.getResourceAsStream(DemoDirectory.SAMPLE), row -> {});
        System.out.printf(
                "file: %,d rows, %,d bytes, %d columns%n", rows, Files.size(file), GiasFiles.FULL_HEADER.size());
        retainedByTheReader(file, rows);
        double[] importRate = new double[runs];
        double[] rawRate = new double[runs];
        double[] againRate = new double[runs];
        long[] importPeak = new long[runs];
        long[] rawPeak = new long[runs];
        for (int run = 0; run < runs; run++) {
            Phase imported = null;
            Phase raw = null;
            for (int turn = 0; turn < 2; turn++) {
                if ((run + turn) % 2 == 0) {
                    try (ApplicationContext context =
                            context(NotifierBenchmark.freshDynamo().toString(), "bench-import-" + run)) {
                        imported = measure(() -> importJob(context, file));
                        againRate[run] = rows / measure(() -> importJob(context, file)).seconds;
                    }
                } else {
                    try (ApplicationContext context =
                            context(NotifierBenchmark.freshDynamo().toString(), "bench-raw-" + run)) {
                        raw = measure(() -> rawWrite(context, file));
                    }
                }
            }
            importRate[run] = rows / imported.seconds;
            rawRate[run] = rows / raw.seconds;
            importPeak[run] = imported.peakHeap;
            rawPeak[run] = raw.peakHeap;
            System.out.printf(
                    "run %d: import %,.0f rows/s (peak heap %d MB), raw batched write %,.0f rows/s (peak heap %d MB), "
                            + "same file again %,.0f rows/s%n",
                    run + 1, importRate[run], importPeak[run] >> 20, rawRate[run], rawPeak[run] >> 20, againRate[run]);
        }
        System.out.printf(
                "median of %d runs: import %,.0f rows/s, raw batched write %,.0f rows/s (import / raw = %.2f), "
                        + "same file again %,.0f rows/s; peak heap import %d MB, raw %d MB%n",
                runs,
                Stats.median(importRate),
                Stats.median(rawRate),
                Stats.median(importRate) / Stats.median(rawRate),
                Stats.median(againRate),
                max(importPeak) >> 20,
                max(rawPeak) >> 20);
        Files.deleteIfExists(file);
        Engines.dynamo().close();
        System.exit(0);
    }

    /** What reading the whole file keeps in memory: the heap after a full GC with the reader at its end, less before. */
    private static void retainedByTheReader(Path file, int rows) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        var thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = thread.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            GiasCsvReader.Rows read = (GiasCsvReader.Rows) GiasCsvReader.open(in);
            int n = 0;
            while (read.hasNext()) {
                read.next();
                n++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long allocatedPerRow = (thread.getCurrentThreadAllocatedBytes() - allocated) / Math.max(1, n);
            System.gc();
            long retained = runtime.totalMemory() - runtime.freeMemory() - before;
            System.out.printf(
                    "reading alone: %,.0f rows/s; %,d bytes allocated a row; %.1f MB retained at the end of %,d rows "
                            + "(the URNs seen: %s)%n",
                    n / seconds, allocatedPerRow, retained / 1e6, rows, read.saw("100000"));
        }
    }

    static ApplicationContext context(String endpoint, String table) throws Exception {
        return ApplicationContext.builder()
                .properties(Map.of(
                        "sse.aws.endpoint",
                        endpoint,
                        "sse.aws.create-tables",
                        "true",
                        "sse.directory.table-name",
                        table,
                        "sse.imports.local-bucket",
                        Files.createTempDirectory("bench-bucket").toString()))
                .start();
    }

    /** The job as the file's arrival runs it. */
    private static Object importJob(ApplicationContext context, Path file) throws Exception {
        return importJob(context, file, ImportSchoolRegister.KIND);
    }

    /** A job of {@code kind} as the file's arrival runs it. */
    static ImportJob importJob(ApplicationContext context, Path file, String kind) throws Exception {
        String id = "imp_" + Long.toString(System.nanoTime(), 36);
        ImportJob job = ImportJob.awaiting(
                id,
                kind,
                ImportJob.Scope.PART,
                ImportJob.Source.UPLOAD,
                "bench.csv",
                ImportFiles.UPLOADS + id,
                "bench",
                Instant.now());
        context.getBean(ImportJobStore.class).create(job);
        Path key = context.getBean(LocalBucket.class).directory().resolve(job.objectKey());
        Files.createDirectories(key.getParent());
        Files.copy(file, key, StandardCopyOption.REPLACE_EXISTING);
        ImportJob done = context.getBean(RunImportJob.class).run(id).orElseThrow();
        if (done.status() != ImportJob.Status.SUCCEEDED) {
            throw new IllegalStateException("the import failed: " + done);
        }
        return done;
    }

    /** The baseline: the same rows parsed and put in batches, nothing read or compared. */
    private static Object rawWrite(ApplicationContext context, Path file) throws Exception {
        SchoolStore store = context.getBean(SchoolStore.class);
        try (InputStream in = Files.newInputStream(file)) {
            GiasCsvReader.Rows rows = (GiasCsvReader.Rows) GiasCsvReader.open(in);
            List<SchoolStore.Write> batch = new ArrayList<>();
            while (rows.hasNext()) {
                if (rows.next() instanceof GiasCsvReader.Accepted a) {
                    batch.add(new SchoolStore.Write(a.school(), null, null));
                }
                if (batch.size() == 100) {
                    store.putAll(batch);
                    batch.clear();
                }
            }
            store.putAll(batch);
        }
        return null;
    }

    record Phase(double seconds, long peakHeap) {}

    static Phase measure(Callable<Object> work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Phase(seconds, peak);
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}

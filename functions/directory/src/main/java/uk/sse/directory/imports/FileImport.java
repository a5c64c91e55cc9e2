package uk.sse.directory.imports;

import java.io.InputStream;
import java.util.List;

/**
 * One kind of file the import jobs apply (the school register; a postcode directory could be another). The job
 * machinery, {@link RunImportJob}, finds the file, holds the lease, keeps the checkpoint and the counts, and records the
 * rejected rows; the kind reads the file, a row at a time, and applies it in batches.
 */
public interface FileImport {

    /** The kind's name, stored on its jobs: how a file's arrival finds what applies it. */
    String kind();

    /**
     * Applies a file from its beginning. The rows at or before {@code job.checkpoint()} were applied by an earlier run
     * and are counted in {@code job.counts()}: they are read again (to know what the file holds) but not applied.
     * After each batch, {@code progress} is told the last line applied, the counts so far and the batch's rejections.
     * Never reads the whole file into memory.
     */
    Applied apply(ImportJob job, InputStream file, Progress progress);

    /** Where a kind reports each applied batch. Throws {@link LeaseLost} if another run has taken the job over. */
    @FunctionalInterface
    interface Progress {
        void applied(long line, ImportCounts total, List<Rejection> rejected);
    }

    /** What the file did. */
    sealed interface Applied {
        ImportCounts counts();
    }

    /** Every row read; the counts, and anything the registrar should know (e.g. closures held back). */
    record Done(ImportCounts counts, List<String> warnings) implements Applied {}

    /** The file could not be applied (a header that is not this kind's, a file broken part-way); rows before it were. */
    record Refused(String reason, ImportCounts counts) implements Applied {}

    /** Another run has taken the job over: this one stops where it is. */
    final class LeaseLost extends RuntimeException {
        public LeaseLost(String jobId) {
            super("import " + jobId + " was taken over by another run");
        }
    }
}

package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.directory.imports.FileImport;
import uk.sse.directory.imports.ImportCounts;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.imports.Rejection;
import uk.sse.directory.register.CodePointCsvReader;
import uk.sse.directory.register.PostcodeRelease;
import uk.sse.directory.register.PostcodeSector;
import uk.sse.directory.register.RejectedPostcode;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;

/**
 * Loads an OS Code-Point Open file into the postcode directory, streaming: a sector at a time is read, compared with
 * what is stored, and written only if it changed, in batches of sectors. Loading the same file again changes nothing.
 * The register's import jobs apply it as the kind {@value #KIND} (an upload, with checkpoints and a lease: decision
 * 0061); the local run loads its sample and {@code SSE_POSTCODES} through {@link #importFrom} without a job.
 *
 * <p>A job counts postcodes: each data row is read, and then created (a postcode the directory did not have), updated
 * (another centroid), unchanged or rejected; and a postcode a sector held that the file's rows of that sector no
 * longer list is removed (terminated) with the sector's rewrite, and counted (decision 0098). A sector keeps the import
 * that last wrote it and what that import counted of it, so a run resuming a stopped job counts a sector the stopped
 * run wrote after its checkpoint as that run did.
 *
 * <p>A file read to its end records which release it was (its own licence's lines, or the year its name gives), so that
 * pages credit the data they use as the Open Government Licence asks (decision 0097).
 */
@Singleton
public class ImportPostcodes implements FileImport {

    public static final String KIND = "postcodes";
    static final int BATCH = 100;
    /** A report names at most this many rejected rows (and counts them all). */
    static final int REJECTED_NAMED = 100;
    /** Rows rejected one after another, with no postcode between them, before a file is taken for something else. */
    static final int REJECTED_IN_A_ROW = 10_000;

    static final String UNKNOWN_RELEASE = "The file does not say which release of Code-Point Open it is (OS's zip"
            + " says so in Doc/licence.txt; a file's name may give its year, as codepo_gb_2024.zip does), so the pages"
            + " credit the release loaded before.";

    /** Sectors read so far, reported after each batch. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (sectors, rejected) -> {};

        void done(long sectors, long rejected);
    }

    /**
     * What an import without a job did, by sector.
     *
     * @param rows     data rows in the file
     * @param rejected rows not imported: all counted, the first {@value #REJECTED_NAMED} named
     */
    public record Report(
            long rows,
            long sectors,
            long created,
            long updated,
            long unchanged,
            long rejected,
            List<RejectedPostcode> firstRejected) {}

    private final PostcodeStore store;
    private final Clock clock;

    public ImportPostcodes(PostcodeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A whole file at once, without a job (the local run's sample and {@code SSE_POSTCODES}). */
    public Outcome<Report> importFrom(InputStream file, Progress progress) {
        return importFrom(file, Optional.empty(), progress);
    }

    /**
     * A whole file at once, without a job, crediting {@code release} (what a file beside it says, as the sample's
     * licence does) unless the file credits its own.
     */
    public Outcome<Report> importFrom(InputStream file, Optional<PostcodeRelease> release, Progress progress) {
        ImportJob direct = ImportJob.direct(Ids.newId("imp", clock), KIND, clock.instant());
        List<RejectedPostcode> named = new ArrayList<>();
        Run[] run = {null};
        run[0] = new Run(direct, release, (line, total, rejected) -> {
            rejected.stream()
                    .limit(Math.max(0, REJECTED_NAMED - named.size()))
                    .forEach(r -> named.add(new RejectedPostcode(r.line(), r.key(), r.reason())));
            progress.done(run[0].sectors, total.rejected());
        });
        return switch (run[0].through(file)) {
            case Refused refused -> Outcome.invalid("file", refused.reason());
            case Done done -> {
                Run r = run[0];
                yield Outcome.done(new Report(
                        done.counts().read(),
                        r.sectors,
                        r.sectorsCreated,
                        r.sectorsUpdated,
                        r.sectors - r.sectorsCreated - r.sectorsUpdated,
                        done.counts().rejected(),
                        List.copyOf(named)));
            }
        };
    }

    @Override
    public Applied apply(ImportJob job, InputStream file, FileImport.Progress progress) {
        return new Run(job, PostcodeRelease.fromFileName(job.fileName()), progress).through(file);
    }

    /** One pass over a file: the rows after the job's checkpoint are applied, a batch of sectors at a time. */
    private final class Run implements CodePointCsvReader.Sink {
        private final ImportJob job;
        private final Optional<PostcodeRelease> named;
        private final FileImport.Progress progress;
        private final List<PostcodeSector> pending = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private ImportCounts total;
        private long line;
        private long sectors;
        private long sectorsCreated;
        private long sectorsUpdated;

        Run(ImportJob job, Optional<PostcodeRelease> named, FileImport.Progress progress) {
            this.job = job;
            this.named = named;
            this.progress = progress;
            this.total = job.counts();
            this.line = job.checkpoint();
        }

        Applied through(InputStream file) {
            CodePointCsvReader.Result result;
            try {
                result = CodePointCsvReader.read(file, this);
            } catch (NotPostcodes e) {
                return new Refused(
                        REJECTED_IN_A_ROW + " rows in a row have no postcode with an easting and northing"
                                + " (line " + e.line + "): is this an OS Code-Point Open file?"
                                + (total.read() > 0 ? " The rows before them were imported." : ""),
                        total);
            }
            return switch (result) {
                case CodePointCsvReader.Refused refused -> {
                    flush();
                    yield new Refused(
                            refused.reason() + (total.read() > 0 ? " (the rows before it were imported)" : ""), total);
                }
                case CodePointCsvReader.Read read -> {
                    flush();
                    yield new Done(total, recordRelease(read.release().or(() -> named)));
                }
            };
        }

        @Override
        public void sector(PostcodeSector sector, long lastLine) {
            if (lastLine <= job.checkpoint()) {
                return; // applied by an earlier run
            }
            pending.add(sector);
            line = Math.max(line, lastLine);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void rejected(RejectedPostcode row) {
            if (row.line() <= job.checkpoint()) {
                return; // counted by an earlier run
            }
            rejections.add(new Rejection(row.line(), row.postcode(), row.reason()));
            line = Math.max(line, row.line());
            // batches end with a sector, so a checkpoint never passes rows of a sector still being read
            if (rejections.size() >= REJECTED_IN_A_ROW && pending.isEmpty()) {
                throw new NotPostcodes(row.line());
            }
        }

        /**
         * The release loaded, recorded for the pages' attribution; a file that does not say which it is leaves the one
         * before, and the job says so.
         */
        List<String> recordRelease(Optional<PostcodeRelease> release) {
            if (release.isEmpty()) {
                return List.of(UNKNOWN_RELEASE);
            }
            store.recordRelease(new PostcodeStore.RecordedRelease(release.get(), job.id(), clock.instant()));
            return List.of();
        }

        /** Compares the batch with what is stored, writes what changed, and records the checkpoint. */
        void flush() {
            if (pending.isEmpty() && rejections.isEmpty()) {
                return;
            }
            Map<String, PostcodeStore.Stored> stored =
                    store.stored(pending.stream().map(PostcodeSector::sector).toList());
            List<PostcodeStore.Write> writes = new ArrayList<>();
            long units = 0;
            for (PostcodeSector sector : pending) {
                units += sector.units().size();
                PostcodeStore.Stored before = stored.get(sector.sector());
                PostcodeStore.Tally tally;
                if (before != null && before.sector().equals(sector)) {
                    // unchanged; or written by this job's stopped run after its checkpoint, and counted as it counted
                    tally = job.id().equals(before.lastImport())
                            ? before.lastTally()
                            : new PostcodeStore.Tally(0, 0, sector.units().size(), 0);
                } else {
                    tally = tally(before == null ? null : before.sector(), sector);
                    writes.add(new PostcodeStore.Write(sector, job.id(), tally));
                    if (before == null) {
                        sectorsCreated++;
                    } else {
                        sectorsUpdated++;
                    }
                }
                total = total.plusCreated(tally.created())
                        .plusUpdated(tally.updated())
                        .plusUnchanged(tally.unchanged())
                        .plusRemoved(tally.removed());
            }
            store.putAll(writes);
            total = total.plusRead(units + rejections.size()).plusRejected(rejections.size());
            sectors += pending.size();
            progress.applied(line, total, List.copyOf(rejections));
            pending.clear();
            rejections.clear();
        }

        private static PostcodeStore.Tally tally(PostcodeSector before, PostcodeSector after) {
            long created = 0;
            long updated = 0;
            long unchanged = 0;
            for (var unit : after.units().entrySet()) {
                var was = before == null ? null : before.units().get(unit.getKey());
                if (was == null) {
                    created++;
                } else if (was.equals(unit.getValue())) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
            long removed = before == null
                    ? 0
                    : before.units().keySet().stream()
                            .filter(unit -> !after.units().containsKey(unit))
                            .count();
            return new PostcodeStore.Tally(created, updated, unchanged, removed);
        }
    }

    /** Thrown out of the reader when the rows stop being postcodes: the file is something else. */
    private static final class NotPostcodes extends RuntimeException {
        private final long line;

        NotPostcodes(long line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}

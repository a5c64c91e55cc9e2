package uk.sse.directory.imports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One import of one file: who asked for it, where the file is, how far it has got. Its state machine:
 * <pre>
 * AWAITING_FILE --file arrives--> RUNNING --all rows applied--> SUCCEEDED
 *                                    |  \--file refused------> FAILED
 *                                    +--runner dies: its lease lapses, the next run takes over from the checkpoint
 * </pre>
 * A scheduled import is made RUNNING-ready with its file already stored. {@code checkpoint} is the last line whose
 * batch was applied and {@code counts} what the rows up to it did, so a run that takes over resumes there.
 *
 * @param id        the job's id: a generated id for an upload, {@code <kind>-<yyyyMMdd>} for the day's scheduled file
 * @param kind      which {@link FileImport} applies the file, e.g. {@code schools}
 * @param scope     whether the file is the whole register (what it lacks is closed) or a part of it
 * @param source    an upload, or the schedule
 * @param objectKey where the file is in the import bucket
 * @param createdBy the subject of the registrar's token, or {@code schedule} when the service itself made it
 * @param lease     who is running it and until when (renewed at each checkpoint); null unless RUNNING
 * @param version   bumped by every write; each write is conditional on the one read
 */
public record ImportJob(
        String id,
        String kind,
        Scope scope,
        Source source,
        String fileName,
        String objectKey,
        String createdBy,
        Instant createdAt,
        Status status,
        Instant startedAt,
        Instant finishedAt,
        ImportCounts counts,
        long checkpoint,
        String failure,
        List<String> warnings,
        Lease lease,
        long version) {

    public enum Status {
        AWAITING_FILE,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** WHOLE: the file is the whole register, and what it lacks has closed. PART: the file lists some schools. */
    public enum Scope {
        WHOLE,
        PART
    }

    public enum Source {
        UPLOAD,
        SCHEDULE
    }

    public record Lease(String owner, Instant until) {
        public boolean liveAt(Instant now) {
            return until.isAfter(now);
        }
    }

    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        counts = counts == null ? ImportCounts.NONE : counts;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A new job whose file is still to come (an upload) or already stored (the schedule). */
    public static ImportJob awaiting(
            String id,
            String kind,
            Scope scope,
            Source source,
            String fileName,
            String objectKey,
            String createdBy,
            Instant now) {
        return new ImportJob(
                id,
                kind,
                scope,
                source,
                fileName,
                objectKey,
                createdBy,
                now,
                Status.AWAITING_FILE,
                null,
                null,
                ImportCounts.NONE,
                0,
                null,
                List.of(),
                null,
                0);
    }

    /** A file applied at once, without an upload or a run (a small correction, a local file): rows as given. */
    public static ImportJob direct(String id, String kind, Instant now) {
        return awaiting(id, kind, Scope.PART, Source.UPLOAD, null, null, null, now);
    }

    public boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    /** Taken by {@code owner} until {@code until}, resuming from the checkpoint if an earlier run got part-way. */
    public ImportJob claimedBy(String owner, Instant now, Instant until) {
        return next(
                Status.RUNNING,
                startedAt == null ? now : startedAt,
                null,
                counts,
                checkpoint,
                null,
                warnings,
                new Lease(owner, until));
    }

    /** The rows up to {@code line} applied, with the counts so far; the lease renewed. */
    public ImportJob checkpointed(long line, ImportCounts total, Instant leaseUntil) {
        return next(status, startedAt, null, total, line, null, warnings, new Lease(lease.owner(), leaseUntil));
    }

    public ImportJob succeeded(ImportCounts total, List<String> notes, Instant now) {
        return next(Status.SUCCEEDED, startedAt, now, total, checkpoint, null, notes, null);
    }

    public ImportJob failed(String reason, ImportCounts total, Instant now) {
        return next(Status.FAILED, startedAt == null ? now : startedAt, now, total, checkpoint, reason, warnings, null);
    }

    /** The same file's job moved on: what it is and who asked for it stay, the version is bumped. */
    private ImportJob next(
            Status status,
            Instant startedAt,
            Instant finishedAt,
            ImportCounts counts,
            long checkpoint,
            String failure,
            List<String> warnings,
            Lease lease) {
        return new ImportJob(
                id,
                kind,
                scope,
                source,
                fileName,
                objectKey,
                createdBy,
                createdAt,
                status,
                startedAt,
                finishedAt,
                counts,
                checkpoint,
                failure,
                warnings,
                lease,
                version + 1);
    }
}

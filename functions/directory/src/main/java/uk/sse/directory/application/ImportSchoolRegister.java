package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.sse.contracts.directory.DirectoryEvent;
import uk.sse.directory.imports.FileImport;
import uk.sse.directory.imports.ImportCounts;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.imports.Rejection;
import uk.sse.directory.register.GiasCsvReader;
import uk.sse.directory.register.RejectedRow;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolEvents;
import uk.sse.directory.register.SchoolPlaces;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;

/**
 * Imports a GIAS establishment file into the register, streaming, a batch of rows at a time: each batch's schools
 * are read, compared with the rows and only what changed is written, so the counts say what the file did (created,
 * updated, unchanged, rejected) and the same file again writes nothing. A school whose local authority changes
 * moves to the new area, and one that closes is marked closed; each is an event written with the change
 * ({@code directory.school.moved}, {@code directory.school.closed}). A file of the whole register closes the
 * schools it lacks (never deletes them), unless it lacks so many that it is more likely cut short.
 */
@Singleton
public class ImportSchoolRegister implements FileImport {

    public static final String KIND = "schools";
    static final int BATCH = 100;
    /** A whole-register file may close at most this share of the open schools (GIAS closes a few a day). */
    static final double MAX_CLOSING_SHARE = 0.05;

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final SchoolStore schools;
    private final Clock clock;

    public ImportSchoolRegister(SchoolStore schools, Clock clock) {
        this.schools = schools;
        this.clock = clock;
    }

    /** What a file did, as the synchronous import answers it. */
    public record Report(
            long linesRead,
            long created,
            long updated,
            long unchanged,
            long closed,
            long moved,
            List<RejectedRow> rejected) {}

    @Override
    public String kind() {
        return KIND;
    }

    /** A small file (up to the request body limit) at once, without a job: part of the register, rows as given. */
    public Outcome<Report> importFile(InputStream csv) {
        ImportJob direct = ImportJob.direct(Ids.newId("imp", clock), KIND, clock.instant());
        List<RejectedRow> rejected = new ArrayList<>();
        Applied applied = apply(
                direct,
                csv,
                (line, total, batch) ->
                        batch.forEach(r -> rejected.add(new RejectedRow(r.line(), r.key(), r.reason()))));
        return switch (applied) {
            case Refused refused -> Outcome.invalid("body", refused.reason());
            case Done done ->
                Outcome.done(new Report(
                        done.counts().read(),
                        done.counts().created(),
                        done.counts().updated(),
                        done.counts().unchanged(),
                        done.counts().closed(),
                        done.counts().moved(),
                        rejected));
        };
    }

    @Override
    public Applied apply(ImportJob job, InputStream file, Progress progress) {
        return switch (GiasCsvReader.open(file)) {
            case GiasCsvReader.Refusal refusal -> new Refused(refusal.reason(), job.counts());
            case GiasCsvReader.Rows rows -> new Run(job, progress).through(rows);
        };
    }

    /** One pass over a file. */
    private final class Run {
        private final ImportJob job;
        private final Progress progress;
        private final List<School> batch = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private ImportCounts total;
        /** Every stored school, when closing those a whole file lacks has read them all already. */
        private List<School> every;

        Run(ImportJob job, Progress progress) {
            this.job = job;
            this.progress = progress;
            this.total = job.counts();
        }

        Applied through(GiasCsvReader.Rows rows) {
            long line = job.checkpoint();
            try {
                while (rows.hasNext()) {
                    GiasCsvReader.Row row = rows.next();
                    if (row.line() <= job.checkpoint()) {
                        continue; // applied by an earlier run; the reader still notes its URN
                    }
                    line = row.line();
                    switch (row) {
                        case GiasCsvReader.Accepted a -> batch.add(a.school());
                        case GiasCsvReader.Rejected r ->
                            rejections.add(new Rejection(
                                    r.line(), r.row().urn(), r.row().reason()));
                    }
                    if (batch.size() + rejections.size() >= BATCH) {
                        flush(line);
                    }
                }
            } catch (GiasCsvReader.Unreadable broken) {
                flush(line);
                writePlaces();
                return new Refused(
                        broken.getMessage() + " (line " + broken.line() + "; the rows before it were imported)", total);
            }
            flush(line);
            List<String> warnings = job.scope() == ImportJob.Scope.WHOLE ? closeWhatLeft(rows) : List.of();
            writePlaces();
            return new Done(total, warnings);
        }

        private void flush(long line) {
            if (batch.isEmpty() && rejections.isEmpty()) {
                return;
            }
            total = total.plusRead(batch.size() + rejections.size()).plusRejected(rejections.size());
            apply(batch);
            progress.applied(line, total, List.copyOf(rejections));
            batch.clear();
            rejections.clear();
        }

        private void apply(List<School> rows) {
            Map<String, SchoolStore.Stored> stored =
                    schools.findAll(rows.stream().map(School::urn).toList());
            List<SchoolStore.Write> writes = new ArrayList<>();
            for (School row : rows) {
                SchoolStore.Stored before = stored.get(row.urn());
                if (before == null) {
                    total = total.plusCreated(1);
                    writes.add(new SchoolStore.Write(row, job.id(), SchoolStore.Change.CREATED));
                } else if (before.school().equals(row)) {
                    total = job.id().equals(before.lastImport())
                            ? counted(before.lastChange())
                            : total.plusUnchanged(1);
                } else {
                    total = total.plusUpdated(1);
                    change(before.school(), row, writes);
                }
            }
            schools.putAll(writes);
        }

        /** A row this import had written before it was stopped: counted as that run counted it. */
        private ImportCounts counted(SchoolStore.Change change) {
            return switch (change) {
                case CREATED -> total.plusCreated(1);
                case UPDATED -> total.plusUpdated(1);
                case MOVED -> total.plusUpdated(1).plusMoved(1);
                case CLOSED -> total.plusUpdated(1).plusClosed(1);
            };
        }

        private void change(School before, School after, List<SchoolStore.Write> writes) {
            if (!Objects.equals(before.laCode(), after.laCode())) {
                total = total.plusMoved(1);
                schools.putWithEvent(
                        new SchoolStore.Write(after, job.id(), SchoolStore.Change.MOVED), moved(before, after));
            } else if (before.isOpen() && !after.isOpen()) {
                total = total.plusClosed(1);
                schools.putWithEvent(
                        new SchoolStore.Write(after, job.id(), SchoolStore.Change.CLOSED),
                        closed(after, "GIAS says the school has closed"));
            } else {
                writes.add(new SchoolStore.Write(after, job.id(), SchoolStore.Change.UPDATED));
            }
        }

        /** Closes the open schools the file of the whole register lacks, unless there are too many to be believed. */
        private List<String> closeWhatLeft(GiasCsvReader.Rows rows) {
            List<SchoolStore.Stored> gone = new ArrayList<>();
            long[] open = {0};
            every = new ArrayList<>();
            schools.forEach(page -> page.forEach(s -> {
                every.add(s.school()); // closing one below changes neither its place nor its kind
                if (s.school().isOpen()) {
                    open[0]++;
                }
                if (!rows.saw(s.school().urn())
                        && (s.school().isOpen() || job.id().equals(s.lastImport()))) {
                    gone.add(s);
                }
            }));
            List<SchoolStore.Stored> toClose =
                    gone.stream().filter(s -> s.school().isOpen()).toList();
            if (toClose.size() > 25 && toClose.size() > MAX_CLOSING_SHARE * open[0]) {
                return List.of(toClose.size() + " open schools are missing from the file, more than "
                        + Math.round(MAX_CLOSING_SHARE * 100)
                        + "% of the register: none was closed. Is the file complete?");
            }
            LocalDate today = LocalDate.now(clock.withZone(ENGLAND));
            for (SchoolStore.Stored s : gone) {
                total = total.plusClosed(1);
                if (s.school().isOpen()) {
                    School closed = s.school().closedLeavingTheFile(today);
                    schools.putWithEvent(
                            new SchoolStore.Write(closed, job.id(), SchoolStore.Change.CLOSED),
                            closed(closed, "the school is no longer in the register's file"));
                }
            }
            return List.of();
        }

        /** The record of every school's place, as searches near a school read it (docs/decisions/0118). */
        private void writePlaces() {
            if (every == null) {
                every = new ArrayList<>();
                schools.forEach(page -> page.forEach(s -> every.add(s.school())));
            }
            schools.putPlaces(SchoolPlaces.of(every));
        }

        private EventEnvelope moved(School before, School after) {
            return envelope(SchoolEvents.moved(before, after, job.id(), now()));
        }

        private EventEnvelope closed(School school, String reason) {
            return envelope(SchoolEvents.closed(school, reason, job.id(), now()));
        }

        private Instant now() {
            return clock.instant();
        }
    }

    private static EventEnvelope envelope(DirectoryEvent e) {
        return new EventEnvelope(e.type(), e.eventId(), e.occurredAt(), e.area(), e.data());
    }
}

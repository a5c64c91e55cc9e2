package uk.sse.directory.imports;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.ids.Ids;

/**
 * Runs a job whose file has arrived: takes its lease, has its kind apply the file from the checkpoint on, records
 * a checkpoint (last line, counts, rejected rows, lease renewed) after every batch, and ends it SUCCEEDED or FAILED.
 *
 * <p>Safe to start any number of times: a finished job is left as it is; a job another run holds is waited for
 * until its lease lapses (a run that died renews it no more) and then taken over on condition that nobody else
 * took it first; the run that loses its lease stops at its next checkpoint. A run that fails for a reason not the
 * file's (the store, the bucket) leaves the job RUNNING with its checkpoint, for the next start to resume.
 */
@Singleton
public class RunImportJob {

    private static final Logger LOG = LoggerFactory.getLogger(RunImportJob.class);
    /** Rejected rows kept per job, to be shown; the count goes on past it. */
    public static final int KEPT_REJECTIONS = 1000;

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final Map<String, FileImport> kinds;
    private final ImportSettings settings;
    private final ImportMetrics metrics;
    private final Clock clock;

    public RunImportJob(
            ImportJobStore jobs,
            ImportFiles files,
            List<FileImport> kinds,
            ImportSettings settings,
            ImportMetrics metrics,
            Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.kinds = kinds.stream().collect(Collectors.toMap(FileImport::kind, Function.identity()));
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs the job to its end, or until another run takes it over; empty if there is no such job. */
    public Optional<ImportJob> run(String jobId) {
        String runner = Ids.newId("run", clock);
        while (true) {
            Optional<ImportJob> found = jobs.find(jobId);
            if (found.isEmpty() || found.get().finished()) {
                return found;
            }
            ImportJob job = found.get();
            Instant now = clock.instant();
            if (job.status() == ImportJob.Status.RUNNING
                    && job.lease() != null
                    && job.lease().liveAt(now)) {
                pause(Duration.between(now, job.lease().until()));
                continue;
            }
            ImportJob claimed = job.claimedBy(runner, now, now.plus(settings.lease()));
            if (jobs.replace(job, claimed)) {
                return Optional.of(runClaimed(claimed));
            }
        }
    }

    private ImportJob runClaimed(ImportJob claimed) {
        FileImport kind = kinds.get(claimed.kind());
        if (kind == null) {
            return end(
                    claimed,
                    claimed.failed(
                            "no importer for files of kind " + claimed.kind(), claimed.counts(), clock.instant()));
        }
        ImportJob[] current = {claimed};
        FileImport.Applied applied;
        try (InputStream file = files.open(claimed.objectKey())) {
            LOG.info("import {} ({}) runs from line {}", claimed.id(), claimed.kind(), claimed.checkpoint());
            applied = kind.apply(claimed, file, (line, total, rejected) -> {
                long keptSoFar = current[0].counts().rejected();
                int room = (int) Math.max(0, Math.min(rejected.size(), KEPT_REJECTIONS - keptSoFar));
                jobs.addRejections(claimed.id(), rejected.subList(0, room));
                ImportJob next =
                        current[0].checkpointed(line, total, clock.instant().plus(settings.lease()));
                if (!jobs.replace(current[0], next)) {
                    throw new FileImport.LeaseLost(claimed.id());
                }
                current[0] = next;
            });
        } catch (NoSuchFileException missing) {
            return end(
                    current[0],
                    current[0].failed("the file is not in the bucket", current[0].counts(), clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FileImport.LeaseLost lost) {
            LOG.warn(lost.getMessage());
            return jobs.find(claimed.id()).orElseThrow();
        }
        ImportJob last = current[0];
        return end(
                last,
                switch (applied) {
                    case FileImport.Done done -> last.succeeded(done.counts(), done.warnings(), clock.instant());
                    case FileImport.Refused refused -> last.failed(refused.reason(), refused.counts(), clock.instant());
                });
    }

    private ImportJob end(ImportJob read, ImportJob ended) {
        if (!jobs.replace(read, ended)) {
            return jobs.find(read.id()).orElseThrow();
        }
        metrics.ended(ended);
        LOG.info(
                "import {} {}: {}{}",
                ended.id(),
                ended.status(),
                ended.counts(),
                ended.failure() == null ? "" : " (" + ended.failure() + ")");
        return ended;
    }

    private static void pause(Duration leaseLeft) {
        try {
            Thread.sleep(Math.max(50, Math.min(leaseLeft.toMillis() + 10, 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another run's lease", e);
        }
    }
}

package uk.sse.directory.imports;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.directory.application.ImportSchoolRegister;

/**
 * Keeps the register fresh without anyone uploading it: fetches the day's GIAS file (GIAS publishes
 * {@code edubasealldataYYYYMMDD.csv} daily) into the import bucket as a job of the whole register, run by the service
 * itself. Its arrival starts the job as an upload's does. The day's job has the id {@code schools-YYYYMMDD}, so a
 * second run the same day does nothing, except fetch again a file whose storing did not finish.
 */
@Singleton
public class FetchDailyFile {

    private static final Logger LOG = LoggerFactory.getLogger(FetchDailyFile.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** Who made a scheduled job: the service itself, not a person. */
    public static final String SERVICE = "service:directory-schedule";

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final ImportMetrics metrics;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public FetchDailyFile(
            ImportJobStore jobs, ImportFiles files, ImportSettings settings, ImportMetrics metrics, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Today's file (England's day). */
    public ImportJob today() {
        return fetch(LocalDate.now(clock.withZone(ENGLAND)));
    }

    public ImportJob fetch(LocalDate day) {
        if (settings.dailyUrl() == null) {
            throw new IllegalStateException("sse.imports.daily-url is not set");
        }
        String id = ImportSchoolRegister.KIND + "-" + day.format(DAY);
        Optional<ImportJob> existing = jobs.find(id);
        if (existing.isPresent() && existing.get().status() != ImportJob.Status.AWAITING_FILE) {
            return existing.get();
        }
        String fileName = "edubasealldata" + day.format(DAY) + ".csv";
        ImportJob job = existing.orElseGet(() -> ImportJob.awaiting(
                id,
                ImportSchoolRegister.KIND,
                ImportJob.Scope.WHOLE,
                ImportJob.Source.SCHEDULE,
                fileName,
                ImportFiles.SCHEDULED + id,
                SERVICE,
                clock.instant()));
        Path download = null;
        try {
            download = Files.createTempFile("gias-", ".csv");
            String failure = download(URI.create(settings.dailyUrl().replace("{date}", day.format(DAY))), download);
            if (failure != null) {
                return failed(existing.isPresent(), job, failure);
            }
            if (existing.isEmpty() && !jobs.create(job)) {
                return jobs.find(id).orElseThrow(); // another run of the schedule made it first
            }
            files.store(job.objectKey(), download);
            LOG.info("fetched {} ({} bytes) for import {}", fileName, Files.size(download), id);
            return job;
        } catch (IOException e) {
            return failed(existing.isPresent(), job, "the file could not be fetched: " + e);
        } finally {
            if (download != null) {
                try {
                    Files.deleteIfExists(download);
                } catch (IOException ignored) {
                    // a temporary file; the platform clears it
                }
            }
        }
    }

    /** Null when the file is on disk, else why not. */
    private String download(URI url, Path to) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = response.body();
                OutputStream out = Files.newOutputStream(to)) {
            if (response.statusCode() != 200) {
                return "GIAS answered " + response.statusCode() + " for " + url;
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > settings.maxFileBytes()) {
                    return "the file is larger than " + settings.maxFileBytes() + " bytes";
                }
                out.write(buffer, 0, n);
            }
        }
        return null;
    }

    private ImportJob failed(boolean stored, ImportJob job, String reason) {
        ImportJob failed = job.failed(reason, job.counts(), clock.instant());
        boolean written = stored ? jobs.replace(job, failed) : jobs.create(failed);
        if (written) {
            metrics.ended(failed);
        }
        LOG.warn("the day's register was not fetched: {}", reason);
        return failed;
    }
}

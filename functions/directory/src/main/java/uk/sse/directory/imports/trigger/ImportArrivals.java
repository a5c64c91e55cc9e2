package uk.sse.directory.imports.trigger;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.directory.imports.ImportFiles;
import uk.sse.directory.imports.ImportJob;
import uk.sse.directory.imports.RunImportJob;

/**
 * The import function's Lambda handler: S3 tells it a file has arrived in the import bucket ({@code uploads/<job>}
 * or {@code scheduled/<job>}), and it runs that job. S3 invokes it asynchronously, so a run that dies (a timeout, a
 * store that keeps refusing) is retried by Lambda, and the retry resumes from the job's checkpoint once the dead
 * run's lease has lapsed. Answers each job's id and status, for the logs.
 */
public class ImportArrivals extends MicronautRequestHandler<S3Event, List<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportArrivals.class);

    @Inject
    RunImportJob run;

    /** As Lambda builds it: an application context of its own, configured from the environment. */
    public ImportArrivals() {
        super();
    }

    /** With an application context built from {@code builder}. */
    public ImportArrivals(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** In a running application context: the local bucket's arrivals. */
    public ImportArrivals(ApplicationContext context) {
        super(context);
    }

    @Override
    public List<String> execute(S3Event event) {
        List<String> done = new ArrayList<>();
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords() == null
                ? List.<S3EventNotification.S3EventNotificationRecord>of()
                : event.getRecords()) {
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            Optional<String> jobId = jobOf(key);
            if (jobId.isEmpty()) {
                LOG.warn("{} is not an import file: ignored", key);
                continue;
            }
            Optional<ImportJob> job = run.run(jobId.get());
            done.add(jobId.get() + " " + job.map(j -> j.status().name()).orElse("UNKNOWN"));
            if (job.isEmpty()) {
                LOG.warn("{} arrived but there is no import {}: ignored", key, jobId.get());
            }
        }
        return done;
    }

    static Optional<String> jobOf(String key) {
        for (String prefix : List.of(ImportFiles.UPLOADS, ImportFiles.SCHEDULED)) {
            if (key.startsWith(prefix) && key.length() > prefix.length() && key.indexOf('/', prefix.length()) < 0) {
                return Optional.of(key.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }
}

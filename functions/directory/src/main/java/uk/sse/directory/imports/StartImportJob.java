package uk.sse.directory.imports;

import jakarta.inject.Singleton;
import java.time.Clock;
import uk.sse.directory.application.DirectoryPolicy;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;

/**
 * A registrar asks to import a file: a job AWAITING_FILE is made and the answer says where to upload the file
 * (a presigned URL). The file's arrival in the bucket starts the job ({@link RunImportJob}); nothing passes through
 * the API, so neither its body limit nor its 30 s apply.
 */
@Singleton
public class StartImportJob {

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final Clock clock;

    public StartImportJob(ImportJobStore jobs, ImportFiles files, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
    }

    /** The job and where its file goes. */
    public record Started(ImportJob job, ImportFiles.Upload upload) {}

    public Outcome<Started> upload(Caller caller, String kind, String fileName, ImportJob.Scope scope) {
        if (!DirectoryPolicy.mayKeepTheRegister(caller)) {
            return Outcome.forbidden("only the registrar imports the register and the postcode directory");
        }
        String id = Ids.newId("imp", clock);
        ImportJob job = ImportJob.awaiting(
                id,
                kind,
                scope,
                ImportJob.Source.UPLOAD,
                fileName,
                ImportFiles.UPLOADS + id,
                caller.subject(),
                clock.instant());
        jobs.create(job);
        return Outcome.done(new Started(job, files.uploadFor(job.objectKey())));
    }
}

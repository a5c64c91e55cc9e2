package uk.sse.directory.imports;

import jakarta.inject.Singleton;
import uk.sse.directory.application.DirectoryPolicy;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** What the registrar follows: a job's progress and counts, its rejected rows, the recent jobs of a kind. */
@Singleton
public class ReadImportJobs {

    private final ImportJobStore jobs;

    public ReadImportJobs(ImportJobStore jobs) {
        this.jobs = jobs;
    }

    public Outcome<ImportJob> one(Caller caller, String kind, String id) {
        if (!DirectoryPolicy.mayKeepTheRegister(caller)) {
            return Outcome.forbidden("only the registrar follows imports");
        }
        return jobs.find(id)
                .filter(j -> j.kind().equals(kind))
                .map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("import " + id));
    }

    public Outcome<Page<Rejection>> rejections(Caller caller, String kind, String id, PageRequest page) {
        return one(caller, kind, id).map(job -> jobs.rejections(job.id(), page));
    }

    public Outcome<Page<ImportJob>> recent(Caller caller, String kind, PageRequest page) {
        if (!DirectoryPolicy.mayKeepTheRegister(caller)) {
            return Outcome.forbidden("only the registrar follows imports");
        }
        return Outcome.done(jobs.recent(kind, page));
    }
}

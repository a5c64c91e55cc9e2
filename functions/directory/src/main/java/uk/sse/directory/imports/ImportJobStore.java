package uk.sse.directory.imports;

import java.util.List;
import java.util.Optional;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.PageRequest;

/** Import jobs and their rejected rows. */
public interface ImportJobStore {

    /** Stores a new job; false if a job with its id exists already. */
    boolean create(ImportJob job);

    Optional<ImportJob> find(String id);

    /** Writes {@code next} on condition that the stored job is still {@code read} (by version); false if it was not. */
    boolean replace(ImportJob read, ImportJob next);

    /** Keeps rows a job rejected, by line: writing the same line again changes nothing. */
    void addRejections(String jobId, List<Rejection> rejections);

    /** A kind's jobs, newest first. */
    Page<ImportJob> recent(String kind, PageRequest page);

    /** A job's rejected rows, by line. */
    Page<Rejection> rejections(String jobId, PageRequest page);
}

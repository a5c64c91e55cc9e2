package uk.sse.directory.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The bucket of import files: S3 in AWS, a directory on this machine (the local run, the tests). */
public interface ImportFiles {

    /** Uploads go to {@code uploads/<job id>}, the day's fetched file to {@code scheduled/<job id>}. */
    String UPLOADS = "uploads/";

    String SCHEDULED = "scheduled/";

    /**
     * The file, to be read once from its start and closed. It is never held in memory whole.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     */
    InputStream open(String key) throws IOException;

    /** Stores a file the service fetched itself; its arrival starts its import, as an upload's does. */
    void store(String key, Path file) throws IOException;

    /** Where and how the file of {@code key} may be uploaded, until {@code expiresAt}. */
    Upload uploadFor(String key);

    /** A presigned request: the client sends the file as the body of {@code method url} with these headers. */
    record Upload(String url, String method, Map<String, String> headers, Instant expiresAt) {}
}

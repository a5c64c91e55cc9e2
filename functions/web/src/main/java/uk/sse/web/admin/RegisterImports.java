package uk.sse.web.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.pages.Labels;

/** What the register import pages read from the directory's API (docs/api/directory.yml), and the pages' models. */
public final class RegisterImports {

    private RegisterImports() {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(
            long read,
            long created,
            long updated,
            long unchanged,
            long rejected,
            long closed,
            long moved,
            long removed) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Job(
            String id,
            String scope,
            String source,
            @Nullable String fileName,
            String status,
            String createdAt,
            @Nullable String finishedAt,
            Counts counts,
            long linesApplied,
            @Nullable String failure,
            @Nullable List<String> warnings) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JobPage(List<Job> items, @Nullable String next) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Upload(String url, String method, Map<String, String> headers) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Started(Job job, Upload upload) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rejected(long line, @Nullable String key, String reason) {}

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RejectedPage(
            List<Rejected> items, @Nullable String next) {}

    public record Row(String href, String what, String when, Labels.Tag status, String counts) {}

    public record ListPage(List<Row> rows, List<Choice> scopes, Errors errors) {}

    /** A figure of the report. */
    public record Count(String label, long value) {}

    /**
     * One import: its state, the upload (while it waits for its file: where the browser PUTs it), its progress and its
     * report of created, updated, unchanged and rejected rows with the rejected lines.
     */
    public record JobView(
            String id,
            String what,
            Labels.Tag status,
            boolean awaitingFile,
            boolean running,
            String uploadUrl,
            String contentType,
            long linesApplied,
            List<Count> counts,
            List<Rejected> rejected,
            long rejectedCount,
            String failure,
            List<String> warnings,
            ImportKind kind) {}

    /** The postcode directory's page: its recent imports. */
    public record PostcodesPage(List<Row> rows) {}
}

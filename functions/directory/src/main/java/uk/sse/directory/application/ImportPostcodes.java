package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sse.directory.register.CodePointCsvReader;
import uk.sse.directory.register.PostcodeSector;
import uk.sse.directory.register.RejectedPostcode;
import uk.sse.kernel.outcome.Outcome;

/**
 * Loads an OS Code-Point Open file into the postcode directory, streaming: a sector at a time is read, compared with
 * what is stored, and written only if it changed, in batches. Loading the same file again changes nothing. The core of
 * the register's import for postcodes: whatever brings the file (a local command, an upload, a scheduled job) hands its
 * bytes here and may follow the rows read through {@link Progress}.
 */
@Singleton
public class ImportPostcodes {

    static final int BATCH = 100;
    /** A report names at most this many rejected rows (and counts them all). */
    static final int REJECTED_NAMED = 100;

    /** Rows read so far, reported after each batch of sectors. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (sectors, rejected) -> {};

        void done(long sectors, long rejected);
    }

    /**
     * What an import did.
     *
     * @param rows     data rows in the file
     * @param rejected rows not imported: all counted, the first {@value #REJECTED_NAMED} named
     */
    public record Report(
            long rows,
            long sectors,
            long created,
            long updated,
            long unchanged,
            long rejected,
            List<RejectedPostcode> firstRejected) {}

    private final PostcodeStore store;

    public ImportPostcodes(PostcodeStore store) {
        this.store = store;
    }

    public Outcome<Report> importFrom(InputStream file, Progress progress) {
        Writer writer = new Writer(progress);
        return switch (CodePointCsvReader.read(file, writer)) {
            case CodePointCsvReader.Refused refused -> Outcome.invalid("file", refused.reason());
            case CodePointCsvReader.Read read -> {
                writer.flush();
                yield Outcome.done(new Report(
                        read.rows(),
                        writer.sectors,
                        writer.created,
                        writer.updated,
                        writer.unchanged,
                        writer.rejected,
                        List.copyOf(writer.named)));
            }
        };
    }

    private final class Writer implements CodePointCsvReader.Sink {
        private final Progress progress;
        private final List<PostcodeSector> pending = new ArrayList<>();
        private final List<RejectedPostcode> named = new ArrayList<>();
        private long sectors;
        private long created;
        private long updated;
        private long unchanged;
        private long rejected;

        Writer(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void sector(PostcodeSector sector) {
            pending.add(sector);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void rejected(RejectedPostcode row) {
            rejected++;
            if (named.size() < REJECTED_NAMED) {
                named.add(row);
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, PostcodeSector> stored =
                    store.sectors(pending.stream().map(PostcodeSector::sector).toList());
            List<PostcodeSector> changed = new ArrayList<>();
            for (PostcodeSector sector : pending) {
                PostcodeSector before = stored.get(sector.sector());
                if (before == null) {
                    created++;
                    changed.add(sector);
                } else if (!before.equals(sector)) {
                    updated++;
                    changed.add(sector);
                } else {
                    unchanged++;
                }
            }
            store.putAll(changed);
            sectors += pending.size();
            pending.clear();
            progress.done(sectors, rejected);
        }
    }
}

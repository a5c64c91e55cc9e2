package uk.sse.directory.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import uk.sse.directory.register.PostcodeRelease;
import uk.sse.directory.register.PostcodeSector;

/** The postcode directory as the directory keeps it: one entry per postcode sector. */
public interface PostcodeStore {

    Optional<PostcodeSector> sector(String sector);

    /** The stored sectors among these, by sector, each with the import that last wrote it (read consistently). */
    Map<String, Stored> stored(Collection<String> sectors);

    /** Writes each sector with the import writing it and what that import counted of its postcodes. */
    void putAll(Collection<Write> writes);

    /** The release the directory holds: as the last import that knew which release it loaded recorded it. */
    Optional<RecordedRelease> release();

    /** Records the release an import has just loaded, in place of the one before. */
    void recordRelease(RecordedRelease release);

    /**
     * What an import made of a sector's postcodes: new, moved (another centroid) and unchanged ones, and those the
     * sector held that the import's file no longer lists (removed). Kept on the sector so that a run resuming a job
     * counts a sector the stopped run wrote as that run counted it.
     */
    record Tally(long created, long updated, long unchanged, long removed) {
        public static final Tally NONE = new Tally(0, 0, 0, 0);
    }

    record Stored(PostcodeSector sector, String lastImport, Tally lastTally) {}

    record Write(PostcodeSector sector, String importId, Tally tally) {}

    record RecordedRelease(PostcodeRelease release, String importId, Instant importedAt) {}
}

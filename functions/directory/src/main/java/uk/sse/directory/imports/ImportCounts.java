package uk.sse.directory.imports;

/**
 * What a file did, row by row: read (data rows, not counting the header or blank lines), created, updated,
 * unchanged and rejected; and what the whole did to things the file does not list: closed (schools gone from a file
 * of the whole register, or marked closed by it) and moved (schools whose local authority changed), which kinds of
 * file other than the register leave at nought; and removed (postcodes a release no longer lists in a sector it
 * lists, terminated: decision 0098), which the register leaves at nought.
 */
public record ImportCounts(
        long read, long created, long updated, long unchanged, long rejected, long closed, long moved, long removed) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts o) {
        return new ImportCounts(
                read + o.read,
                created + o.created,
                updated + o.updated,
                unchanged + o.unchanged,
                rejected + o.rejected,
                closed + o.closed,
                moved + o.moved,
                removed + o.removed);
    }

    public ImportCounts plusRead(long n) {
        return new ImportCounts(read + n, created, updated, unchanged, rejected, closed, moved, removed);
    }

    public ImportCounts plusCreated(long n) {
        return new ImportCounts(read, created + n, updated, unchanged, rejected, closed, moved, removed);
    }

    public ImportCounts plusUpdated(long n) {
        return new ImportCounts(read, created, updated + n, unchanged, rejected, closed, moved, removed);
    }

    public ImportCounts plusUnchanged(long n) {
        return new ImportCounts(read, created, updated, unchanged + n, rejected, closed, moved, removed);
    }

    public ImportCounts plusRejected(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected + n, closed, moved, removed);
    }

    public ImportCounts plusClosed(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected, closed + n, moved, removed);
    }

    public ImportCounts plusMoved(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected, closed, moved + n, removed);
    }

    public ImportCounts plusRemoved(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected, closed, moved, removed + n);
    }
}

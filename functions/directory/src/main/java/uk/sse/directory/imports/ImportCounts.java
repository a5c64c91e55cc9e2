package uk.sse.directory.imports;

/**
 * What a file did, row by row: read (data rows, not counting the header or blank lines), created, updated,
 * unchanged and rejected; and what the whole did to things the file does not list: closed (schools gone from a file
 * of the whole register, or marked closed by it) and moved (schools whose local authority changed). Kinds of file
 * other than the register leave the last two at nought.
 */
public record ImportCounts(
        long read, long created, long updated, long unchanged, long rejected, long closed, long moved) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts o) {
        return new ImportCounts(
                read + o.read,
                created + o.created,
                updated + o.updated,
                unchanged + o.unchanged,
                rejected + o.rejected,
                closed + o.closed,
                moved + o.moved);
    }

    public ImportCounts plusRead(long n) {
        return new ImportCounts(read + n, created, updated, unchanged, rejected, closed, moved);
    }

    public ImportCounts plusCreated(long n) {
        return new ImportCounts(read, created + n, updated, unchanged, rejected, closed, moved);
    }

    public ImportCounts plusUpdated(long n) {
        return new ImportCounts(read, created, updated + n, unchanged, rejected, closed, moved);
    }

    public ImportCounts plusUnchanged(long n) {
        return new ImportCounts(read, created, updated, unchanged + n, rejected, closed, moved);
    }

    public ImportCounts plusRejected(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected + n, closed, moved);
    }

    public ImportCounts plusClosed(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected, closed + n, moved);
    }

    public ImportCounts plusMoved(long n) {
        return new ImportCounts(read, created, updated, unchanged, rejected, closed, moved + n);
    }
}

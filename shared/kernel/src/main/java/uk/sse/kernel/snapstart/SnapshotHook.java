package uk.sse.kernel.snapstart;

/**
 * Something to do around a SnapStart snapshot. {@link #prime} runs once, before Lambda snapshots the initialised
 * function: load classes and build clients so that restored copies start warm, but touch no data and open no
 * connection (the snapshot is shared by every copy and kept for weeks). {@link #refresh} runs in each restored copy,
 * before its first request: renew whatever must not be shared between copies.
 */
public interface SnapshotHook {

    default void prime() throws Exception {}

    default void refresh() throws Exception {}
}

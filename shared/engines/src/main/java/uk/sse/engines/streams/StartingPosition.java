package uk.sse.engines.streams;

/** Where a {@link TableStreamReader} starts: the oldest record still in the stream, or just after the newest. */
public enum StartingPosition {
    TRIM_HORIZON,
    LATEST
}

package uk.sse.kernel.dynamo;

/**
 * A cursor this listing did not give: not one of ours, forged, or another listing's. The client's to fix (start the
 * listing again), answered 422 naming {@code cursor}; never sent to the store, which would fail on it.
 */
public class InvalidCursor extends IllegalArgumentException {

    public InvalidCursor(String message) {
        super(message);
    }
}

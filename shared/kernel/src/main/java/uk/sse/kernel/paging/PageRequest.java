package uk.sse.kernel.paging;

/** Which page to read: at most {@code limit} items after the {@code cursor} a previous page gave. */
public record PageRequest(int limit, String cursor) {

    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}

package uk.sse.kernel.paging;

import uk.sse.kernel.dynamo.Cursors;
import uk.sse.kernel.outcome.Outcome;

/** Checks a listing's paging parameters before any query runs. */
public final class Paging {

    public static final String DEFAULT_LIMIT = "20";

    private Paging() {}

    public static Outcome<PageRequest> page(int limit, String cursor) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            return Outcome.invalid("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        if (cursor != null && Cursors.decode(cursor).isEmpty()) {
            return Outcome.invalid("cursor", "is not a cursor this API gave");
        }
        return Outcome.done(new PageRequest(limit, cursor));
    }
}

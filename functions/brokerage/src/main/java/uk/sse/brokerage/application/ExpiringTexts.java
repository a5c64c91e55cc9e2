package uk.sse.brokerage.application;

import java.time.LocalDate;
import java.util.List;

/** Where retention finds closed requests by the day their texts expire (decision 0111). */
public interface ExpiringTexts {

    /** The ids of the requests whose texts expire on {@code day}, not yet swept. */
    List<String> expiringOn(LocalDate day);

    /** Forgets that the request's texts expire on {@code day}: they are redacted (or it is not closed). */
    void swept(LocalDate day, String requestId);

    /**
     * Points every closed request at the day its texts expire (for requests closed before retention was built): reads
     * the whole table once; harmless to repeat. A day before {@code notBefore} (long overdue) is {@code notBefore}, so
     * that the sweep finds it. The number of closed requests found.
     */
    int pointEveryClosedRequest(LocalDate notBefore);
}

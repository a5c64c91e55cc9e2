package uk.sse.brokerage.model;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How long a request's free text is kept (docs/data-protection.md, decision 0111): two years from the day it closed
 * (its first move into a closed status: completed, evaluated, cancelled or withdrawn), after which its texts are
 * redacted with {@link Erasure#everyText()} and its figures kept.
 */
public final class Retention {

    public static final Period TEXTS_KEPT = Period.ofYears(2);

    private Retention() {}

    /** The day the request closed (UTC), if it has. */
    public static Optional<LocalDate> closedOn(BrokerageRequest r) {
        return r.history().stream()
                .filter(t -> t.to() != null && t.to().closed())
                .findFirst()
                .map(t -> LocalDate.ofInstant(t.at(), ZoneOffset.UTC));
    }

    /** The day the request's texts are due to be redacted, if it has closed. */
    public static Optional<LocalDate> textsExpireOn(BrokerageRequest r) {
        return closedOn(r).map(day -> day.plus(TEXTS_KEPT));
    }

    /**
     * The day retention's pointer to the request is filed under: the day its texts expire, or {@code notBefore} where
     * that day has already passed (a request closed or pointed late), so the next sweep still finds it.
     */
    public static Optional<LocalDate> sweptOn(BrokerageRequest r, LocalDate notBefore) {
        return textsExpireOn(r).map(day -> day.isBefore(notBefore) ? notBefore : day);
    }

    /** Whether the request's texts are due for redaction on {@code today}: closed, and two years have passed. */
    public static boolean due(BrokerageRequest r, LocalDate today) {
        return textsExpireOn(r).filter(day -> !day.isAfter(today)).isPresent();
    }
}

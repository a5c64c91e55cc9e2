package uk.sse.reporting.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A request raised in the period that, at its end (or now, if sooner), had waited longer than the threshold without
 * being agreed, cancelled or withdrawn; {@code firstProposedAt} if it had been matched by then. Longest waiting first.
 */
@Serdeable
public record WaitingRow(
        @Nullable String requestId,
        @Nullable String urn,
        @Nullable String schoolName,
        @Nullable String urgency,
        @Nullable Instant raisedAt,
        @Nullable Instant firstProposedAt,
        long requests,
        @Nullable BigDecimal daysWaiting)
        implements ReportRow {

    public static final List<String> COLUMNS = List.of(
            "requestId", "urn", "schoolName", "urgency", "raisedAt", "firstProposedAt", "requests", "daysWaiting");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells() {
        return Arrays.asList(requestId, urn, schoolName, urgency, raisedAt, firstProposedAt, requests, daysWaiting);
    }
}

package uk.sse.reporting.application;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.reporting.ReportingSettings;
import uk.sse.reporting.model.ReportPeriod;

/**
 * Turns what a caller asked into a {@link ReportScope}, or says why not: not a reporting role (forbidden), a malformed
 * area, reversed or too long a period, dates out of range or other bad options (invalid, each naming its parameter), an
 * area that is not the caller's (not found, naming {@code area}).
 */
@Singleton
public class CheckReportAsk {

    /** An area code, as the ledger's accounts and every token's {@code area} claim spell it. */
    static final Pattern AREA = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final ReportingSettings settings;

    public CheckReportAsk(ReportingSettings settings) {
        this.settings = settings;
    }

    /** {@code more} are the report's own option checks, reported with the common ones. */
    public Outcome<ReportScope> check(Caller caller, ReportAsk ask, List<Outcome.Violation> more) {
        if (!ReportPolicy.mayReport(caller)) {
            return Outcome.forbidden("reports are for the commissioners and admins of an area");
        }
        List<Outcome.Violation> violations = new ArrayList<>();
        String area = ask.area() == null ? ReportPolicy.reportingArea(caller).orElseThrow() : ask.area();
        if (!AREA.matcher(area).matches()) {
            violations.add(new Outcome.Violation("area", "must be an area code: 1 to 64 letters, digits or : _ . -"));
        }
        dateInRange("from", ask.from()).ifPresent(violations::add);
        dateInRange("to", ask.to()).ifPresent(violations::add);
        if (violations.isEmpty() && ask.to().isBefore(ask.from())) {
            violations.add(new Outcome.Violation("to", "must be on or after from (" + ask.from() + ")"));
        }
        if (violations.isEmpty()
                && ask.to()
                        .isAfter(ask.from().plusYears(settings.maxRangeYears()).minusDays(1))) {
            violations.add(new Outcome.Violation(
                    "to",
                    "a report covers at most " + settings.maxRangeYears() + " years: to must be before "
                            + ask.from().plusYears(settings.maxRangeYears())));
        }
        violations.addAll(more);
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        if (!ReportPolicy.maySee(caller, area)) {
            return Outcome.notFound("area " + area);
        }
        return Outcome.done(new ReportScope(area, new ReportPeriod(ask.from(), ask.to(), settings.zoneId())));
    }

    private static Optional<Outcome.Violation> dateInRange(String field, LocalDate date) {
        if (date == null) {
            return Optional.of(new Outcome.Violation(field, "is required: an ISO date such as 2026-09-01"));
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            return Optional.of(new Outcome.Violation(field, "must be between " + EARLIEST + " and " + LATEST));
        }
        return Optional.empty();
    }
}

package uk.sse.reporting.application;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.reporting.model.AreasOfSupport;
import uk.sse.reporting.model.ReportPeriod;
import uk.sse.reporting.reports.AreaLevel;
import uk.sse.reporting.reports.BalanceRow;
import uk.sse.reporting.reports.CreditsRow;
import uk.sse.reporting.reports.DaysRow;
import uk.sse.reporting.reports.Figures;
import uk.sse.reporting.reports.ImpactGrouping;
import uk.sse.reporting.reports.ImpactRow;
import uk.sse.reporting.reports.ProviderGrouping;
import uk.sse.reporting.reports.ProviderRow;
import uk.sse.reporting.reports.Report;
import uk.sse.reporting.reports.ReportRow;
import uk.sse.reporting.reports.SchoolRow;
import uk.sse.reporting.reports.ServiceLevelRow;
import uk.sse.reporting.reports.WaitingRow;
import uk.sse.reporting.storage.ReportQueries;
import uk.sse.reporting.storage.ReportQueries.MonthCredits;
import uk.sse.reporting.storage.ReportQueries.MonthService;
import uk.sse.reporting.storage.ReportQueries.ProviderFigures;
import uk.sse.reporting.storage.ReportQueries.Ratings;

/**
 * The commissioner's reports, each for an area and a period: days of support by area of support and month, schools
 * supported, providers, credits by month, balances, service levels, requests waiting, and impact ratings. Figures come
 * from {@link ReportQueries} as exact sums and counts; here they are rounded ({@link Figures}), labelled from the
 * taxonomy, zero-filled by month where a month has nothing, and totalled.
 */
@Singleton
public class ReadReports {

    public static final int MIN_WAITING_DAYS = 1;
    public static final int MAX_WAITING_DAYS = 3650;

    private final CheckReportAsk check;
    private final ReportQueries queries;
    private final Clock clock;

    public ReadReports(CheckReportAsk check, ReportQueries queries, Clock clock) {
        this.check = check;
        this.queries = queries;
        this.clock = clock;
    }

    public Outcome<Report<DaysRow>> days(Caller caller, ReportAsk ask, AreaLevel level) {
        return check.check(caller, ask, List.of()).map(scope -> {
            List<DaysRow> rows = queries.days(scope.area(), scope.period(), level).stream()
                    .map(d -> new DaysRow(
                            d.month(),
                            d.area(),
                            AreasOfSupport.labelOf(d.area()),
                            d.topArea(),
                            AreasOfSupport.labelOf(d.topArea()),
                            d.engagements(),
                            Figures.days(d.commissioned()),
                            Figures.days(d.delivered()),
                            Figures.days(d.cancelled())))
                    .toList();
            ReportQueries.DaysTotal t = queries.daysTotal(scope.area(), scope.period());
            DaysRow total = new DaysRow(
                    null,
                    null,
                    null,
                    null,
                    null,
                    t.engagements(),
                    Figures.days(t.commissioned()),
                    Figures.days(t.delivered()),
                    Figures.days(t.cancelled()));
            return report("days", scope, Map.of("level", name(level)), rows, total);
        });
    }

    public Outcome<Report<SchoolRow>> schools(Caller caller, ReportAsk ask) {
        return check.check(caller, ask, List.of()).map(scope -> {
            List<SchoolRow> rows = queries.schoolsSupported(scope.area(), scope.period()).stream()
                    .map(s -> new SchoolRow(
                            s.urn(),
                            s.name(),
                            s.laCode(),
                            s.laName(),
                            s.phase(),
                            1,
                            s.engagements(),
                            Figures.days(s.commissioned()),
                            Figures.days(s.delivered()),
                            s.creditsPosted()))
                    .toList();
            SchoolRow total = new SchoolRow(
                    null,
                    null,
                    null,
                    null,
                    null,
                    rows.size(),
                    sum(rows, SchoolRow::engagements),
                    Figures.days(decimals(rows, SchoolRow::daysCommissioned)),
                    Figures.days(decimals(rows, SchoolRow::daysDelivered)),
                    sum(rows, SchoolRow::creditsPosted));
            return report("schools", scope, Map.of(), rows, total);
        });
    }

    public Outcome<Report<ProviderRow>> providers(Caller caller, ReportAsk ask, ProviderGrouping by) {
        return check.check(caller, ask, List.of()).map(scope -> {
            List<ProviderFigures> figures = queries.providers(scope.area(), scope.period());
            List<ProviderRow> rows = by == ProviderGrouping.TYPE
                    ? figures.stream()
                            .collect(Collectors.groupingBy(ProviderFigures::type, TreeMap::new, Collectors.toList()))
                            .entrySet()
                            .stream()
                            .map(e -> providerRow(null, null, e.getKey(), e.getValue()))
                            .toList()
                    : figures.stream()
                            .map(f -> providerRow(f.providerId(), f.name(), f.type(), List.of(f)))
                            .toList();
            return report("providers", scope, Map.of("by", name(by)), rows, providerRow(null, null, null, figures));
        });
    }

    public Outcome<Report<CreditsRow>> credits(Caller caller, ReportAsk ask) {
        return check.check(caller, ask, List.of()).map(scope -> {
            Map<String, MonthCredits> byMonth = queries.credits(scope.area(), scope.period()).stream()
                    .collect(Collectors.toMap(MonthCredits::month, Function.identity()));
            List<CreditsRow> rows = scope.period().months().stream()
                    .map(m -> {
                        MonthCredits c = byMonth.getOrDefault(m, new MonthCredits(m, 0, 0, 0, 0, 0, 0, 0));
                        return new CreditsRow(
                                m,
                                c.allocated(),
                                c.adjusted(),
                                c.held(),
                                c.released(),
                                c.spent(),
                                c.earned(),
                                c.earnedBySchools());
                    })
                    .toList();
            CreditsRow total = new CreditsRow(
                    null,
                    sum(rows, CreditsRow::allocated),
                    sum(rows, CreditsRow::adjusted),
                    sum(rows, CreditsRow::held),
                    sum(rows, CreditsRow::released),
                    sum(rows, CreditsRow::spent),
                    sum(rows, CreditsRow::earned),
                    sum(rows, CreditsRow::earnedBySchools));
            return report("credits", scope, Map.of(), rows, total);
        });
    }

    public Outcome<Report<BalanceRow>> balances(Caller caller, ReportAsk ask) {
        return check.check(caller, ask, List.of()).map(scope -> {
            List<BalanceRow> rows = queries.balances(scope.area(), scope.period()).stream()
                    .map(b -> new BalanceRow(
                            b.account(),
                            b.owner(),
                            b.name(),
                            b.kind(),
                            b.creditsIn(),
                            b.creditsOut(),
                            b.balance(),
                            b.held()))
                    .toList();
            BalanceRow total = new BalanceRow(
                    null,
                    null,
                    null,
                    null,
                    sum(rows, BalanceRow::creditsIn),
                    sum(rows, BalanceRow::creditsOut),
                    sum(rows, BalanceRow::balance),
                    sum(rows, BalanceRow::held));
            return report("balances", scope, Map.of(), rows, total);
        });
    }

    public Outcome<Report<ServiceLevelRow>> serviceLevels(Caller caller, ReportAsk ask) {
        return check.check(caller, ask, List.of()).map(scope -> {
            List<MonthService> found = queries.serviceLevels(scope.area(), scope.period());
            Map<String, MonthService> byMonth = new LinkedHashMap<>();
            MonthService whole = new MonthService(null, 0, 0, 0, 0, 0, 0, null, null, null, null);
            for (MonthService m : found) {
                if (m.month() == null) {
                    whole = m;
                } else {
                    byMonth.put(m.month(), m);
                }
            }
            List<ServiceLevelRow> rows = scope.period().months().stream()
                    .map(m -> serviceRow(
                            m, byMonth.getOrDefault(m, new MonthService(m, 0, 0, 0, 0, 0, 0, null, null, null, null))))
                    .toList();
            return report("service-levels", scope, Map.of(), rows, serviceRow(null, whole));
        });
    }

    /** Waiting at the end of the period, or now if that is sooner. */
    public Outcome<Report<WaitingRow>> waiting(Caller caller, ReportAsk ask, int waitingDays) {
        List<Outcome.Violation> options = waitingDays < MIN_WAITING_DAYS || waitingDays > MAX_WAITING_DAYS
                ? List.of(
                        new Outcome.Violation("waitingDays", "must be " + MIN_WAITING_DAYS + " to " + MAX_WAITING_DAYS))
                : List.of();
        return check.check(caller, ask, options).map(scope -> {
            Instant now = clock.instant();
            Instant at = scope.period().end().isBefore(now) ? scope.period().end() : now;
            Instant cutoff = at.minus(Duration.ofDays(waitingDays));
            List<WaitingRow> rows = queries.waiting(scope.area(), scope.period(), at, cutoff).stream()
                    .map(w -> new WaitingRow(
                            w.requestId(),
                            w.urn(),
                            w.schoolName(),
                            w.urgency(),
                            w.raisedAt(),
                            w.firstProposedAt(),
                            1,
                            w.daysWaiting().setScale(1, RoundingMode.HALF_UP)))
                    .toList();
            WaitingRow total = new WaitingRow(null, null, null, null, null, null, rows.size(), null);
            return report(
                    "waiting",
                    scope,
                    Map.of("waitingDays", Integer.toString(waitingDays), "at", at.toString()),
                    rows,
                    total);
        });
    }

    public Outcome<Report<ImpactRow>> impact(Caller caller, ReportAsk ask, ImpactGrouping by, AreaLevel level) {
        return check.check(caller, ask, List.of()).map(scope -> {
            List<ImpactRow> rows = by == ImpactGrouping.PROVIDER
                    ? queries.ratingsByProvider(scope.area(), scope.period()).stream()
                            .map(k -> impactRow(k.key(), k.label(), k.ratings()))
                            .toList()
                    : queries.ratingsByArea(scope.area(), scope.period(), level).stream()
                            .map(k -> impactRow(k.key(), AreasOfSupport.labelOf(k.key()), k.ratings()))
                            .toList();
            Map<String, String> options =
                    by == ImpactGrouping.AREA ? Map.of("by", name(by), "level", name(level)) : Map.of("by", name(by));
            return report(
                    "impact",
                    scope,
                    options,
                    rows,
                    impactRow(null, null, queries.ratingsTotal(scope.area(), scope.period())));
        });
    }

    // ------------------------------------------------------------------ rows

    private static ProviderRow providerRow(String id, String name, String type, List<ProviderFigures> figures) {
        Ratings r = figures.stream().map(ProviderFigures::ratings).reduce(new Ratings(0, 0, 0, 0), Ratings::plus);
        return new ProviderRow(
                id,
                name,
                type,
                figures.size(),
                figures.stream().mapToLong(ProviderFigures::engagements).sum(),
                Figures.days(
                        figures.stream().map(ProviderFigures::commissioned).reduce(BigDecimal.ZERO, BigDecimal::add)),
                Figures.days(figures.stream().map(ProviderFigures::delivered).reduce(BigDecimal.ZERO, BigDecimal::add)),
                figures.stream().mapToLong(ProviderFigures::creditsEarned).sum(),
                r.schoolCount(),
                Figures.average(r.schoolSum(), r.schoolCount()),
                r.impactCount(),
                Figures.average(r.impactSum(), r.impactCount()));
    }

    private static ServiceLevelRow serviceRow(String month, MonthService m) {
        return new ServiceLevelRow(
                month,
                m.raised(),
                m.matched(),
                m.agreed(),
                m.completed(),
                m.cancelled(),
                m.refused(),
                Figures.hours(m.medianToAgreement()),
                Figures.hours(m.p90ToAgreement()),
                Figures.hours(m.medianToCompletion()),
                Figures.hours(m.p90ToCompletion()));
    }

    private static ImpactRow impactRow(String key, String label, Ratings r) {
        return new ImpactRow(
                key,
                label,
                r.schoolCount(),
                Figures.average(r.schoolSum(), r.schoolCount()),
                r.impactCount(),
                Figures.average(r.impactSum(), r.impactCount()));
    }

    private static <R extends ReportRow> Report<R> report(
            String name, ReportScope scope, Map<String, String> options, List<R> rows, R total) {
        ReportPeriod p = scope.period();
        return new Report<>(name, scope.area(), p.from(), p.to(), options, new ArrayList<>(rows), total);
    }

    private static <R> long sum(List<R> rows, ToLongFunction<R> f) {
        return rows.stream().mapToLong(f).sum();
    }

    private static <R> BigDecimal decimals(List<R> rows, Function<R, BigDecimal> f) {
        return rows.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

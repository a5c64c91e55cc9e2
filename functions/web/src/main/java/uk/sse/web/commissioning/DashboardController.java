package uk.sse.web.commissioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uk.sse.kernel.identity.Role;
import uk.sse.web.WebPages;
import uk.sse.web.api.Api;
import uk.sse.web.api.ApiReply;
import uk.sse.web.api.Paths;
import uk.sse.web.api.Reporting;
import uk.sse.web.forms.Choice;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.Form;
import uk.sse.web.pages.Labels;
import uk.sse.web.pages.PageNotFound;
import uk.sse.web.pages.Pages;
import uk.sse.web.session.Person;

/**
 * The commissioner's dashboard for a period (a term, a school year or chosen dates): days commissioned and delivered
 * by month and area of support, schools supported, credits moved and balances, time to agreement, impact ratings and
 * requests waiting. Each section is one report of the reporting API, asked for side by side; each chart has its
 * figures in a table beside it, and its report as CSV from {@code /dashboard/<report>.csv}.
 */
@Controller("/dashboard")
@WebPages
public class DashboardController {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** The reports the dashboard shows, each with the options it is asked with. */
    private static final Map<String, String> REPORTS = Map.of(
            "days",
            "level=TOP",
            "schools",
            "",
            "credits",
            "",
            "balances",
            "",
            "service-levels",
            "",
            "impact",
            "by=AREA&level=TOP",
            "waiting",
            "");

    private final Pages pages;
    private final Api api;

    public DashboardController(Pages pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    @Get
    public HttpResponse<?> dashboard(
            HttpRequest<?> request,
            Person person,
            @Nullable @QueryValue String period,
            @Nullable @QueryValue("from-day") String fromDay,
            @Nullable @QueryValue("from-month") String fromMonth,
            @Nullable @QueryValue("from-year") String fromYear,
            @Nullable @QueryValue("to-day") String toDay,
            @Nullable @QueryValue("to-month") String toMonth,
            @Nullable @QueryValue("to-year") String toYear,
            @Nullable @QueryValue String allocated) {
        mustCommission(person);
        LocalDate today = LocalDate.now(ENGLAND);
        Errors errors = Errors.none();
        Period chosen = Period.termOf(today);
        boolean custom = "custom".equals(period);
        if (custom) {
            var from = Form.date(text(fromDay), text(fromMonth), text(fromYear));
            var to = Form.date(text(toDay), text(toMonth), text(toYear));
            if (from.isEmpty()) {
                errors.add("from-day", "Enter the first day as a real date, like 1 9 " + today.getYear());
            }
            if (to.isEmpty()) {
                errors.add("to-day", "Enter the last day as a real date, like 31 12 " + today.getYear());
            }
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                errors.add("to-day", "The last day must be the same as or after the first day");
            }
            if (from.isPresent()
                    && to.isPresent()
                    && to.get().isAfter(from.get().plusYears(5).minusDays(1))) {
                errors.add("to-day", "A dashboard covers at most 5 years");
            }
            if (!errors.any()) {
                chosen = Period.custom(from.get(), to.get());
            }
        } else if (period != null && !period.isEmpty()) {
            chosen = Period.preset(period).orElse(null);
            if (chosen == null) {
                errors.add("period", "Choose a term or a school year from the list");
                chosen = Period.termOf(today);
            }
        }
        List<Choice> presets = new ArrayList<>();
        for (Period p : Period.presets(today)) {
            presets.add(new Choice(p.key(), p.label(), !custom && p.key().equals(chosen.key())));
        }
        presets.add(new Choice("custom", "Dates I choose", custom));
        List<CommissioningPages.Figure> figures = List.of();
        List<CommissioningPages.Section> sections = List.of();
        if (!errors.any()) {
            Map<String, CompletableFuture<ApiReply>> calls = new LinkedHashMap<>();
            for (String report : REPORTS.keySet()) {
                calls.put(report, api.getAsync(person, reportPath(report, chosen)));
            }
            Reports r = new Reports(calls);
            figures = figures(r);
            sections = sections(r, chosen);
        }
        var page = new CommissioningPages.Dashboard(
                chosen.label(),
                chosen.from().toString(),
                chosen.to().toString(),
                presets,
                text(fromDay),
                text(fromMonth),
                text(fromYear),
                text(toDay),
                text(toMonth),
                text(toYear),
                figures,
                sections,
                errors,
                allocated == null || !allocated.matches("[0-9]{1,6}")
                        ? null
                        : "Credits allocated to " + allocated + (allocated.equals("1") ? " school." : " schools."));
        return errors.any()
                ? pages.invalid(request, "commissioning/dashboard", "Dashboard", page)
                : pages.ok(request, "commissioning/dashboard", "Dashboard", page);
    }

    /** A report of the dashboard as the reporting API writes it in CSV, to download. */
    @Get("/{report}.csv")
    @Produces("text/csv")
    public HttpResponse<?> csv(
            Person person, @PathVariable String report, @QueryValue LocalDate from, @QueryValue LocalDate to) {
        mustCommission(person);
        if (!REPORTS.containsKey(report)) {
            throw new PageNotFound("report " + report);
        }
        ApiReply reply =
                Api.join(api.getAsync(person, reportPath(report, new Period("custom", "", from, to)), "text/csv"));
        if (!reply.ok()) {
            throw reply.missing() || reply.refused() ? new PageNotFound("report " + report) : reply.unavailable();
        }
        return HttpResponse.ok(reply.bytes())
                .contentType("text/csv; charset=utf-8")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        reply.header(HttpHeaders.CONTENT_DISPOSITION)
                                .orElse("attachment; filename=\"" + report + ".csv\""));
    }

    static void mustCommission(Person person) {
        if (!person.caller().is(Role.COMMISSIONER) || person.area() == null) {
            throw new PageNotFound("commissioning");
        }
    }

    private static String reportPath(String report, Period period) {
        String options = REPORTS.get(report);
        return Paths.of("/reports/" + report).query("from", period.from()).query("to", period.to())
                + (options.isEmpty() ? "" : "&" + options);
    }

    /** The reports' answers, read as they are needed. */
    private record Reports(Map<String, CompletableFuture<ApiReply>> calls) {
        <R> Reporting.Report<R> of(String report, Class<R> row) {
            return Api.join(calls.get(report)).as(Argument.of(Reporting.Report.class, row));
        }
    }

    private static List<CommissioningPages.Figure> figures(Reports r) {
        var days = r.of("days", Reporting.Days.class).total();
        var schools = r.of("schools", Reporting.School.class).total();
        var credits = r.of("credits", Reporting.Credits.class).total();
        var levels = r.of("service-levels", Reporting.ServiceLevel.class).total();
        var waiting = r.of("waiting", Reporting.Waiting.class).total();
        return List.of(
                new CommissioningPages.Figure("Days commissioned", days == null ? "0" : plain(days.daysCommissioned())),
                new CommissioningPages.Figure("Days delivered", days == null ? "0" : plain(days.daysDelivered())),
                new CommissioningPages.Figure(
                        "Schools supported", schools == null ? "0" : Long.toString(schools.schools())),
                new CommissioningPages.Figure(
                        "Credits allocated", credits == null ? "0" : Long.toString(credits.allocated())),
                new CommissioningPages.Figure(
                        "Median time to agreement",
                        levels == null ? "None agreed" : hours(levels.medianHoursToAgreement())),
                new CommissioningPages.Figure(
                        "Requests waiting over 14 days", waiting == null ? "0" : Long.toString(waiting.requests())));
    }

    private List<CommissioningPages.Section> sections(Reports r, Period period) {
        List<CommissioningPages.Section> sections = new ArrayList<>();
        var days = r.of("days", Reporting.Days.class).rows();
        Map<String, BigDecimal[]> byMonth = new LinkedHashMap<>();
        Map<String, BigDecimal[]> byArea = new LinkedHashMap<>();
        for (var d : days) {
            add(byMonth, month(d.month()), d.daysCommissioned(), d.daysDelivered());
            add(byArea, d.areaLabel() == null ? "Not given" : d.areaLabel(), d.daysCommissioned(), d.daysDelivered());
        }
        List<String> series = List.of("Commissioned", "Delivered");
        sections.add(section(
                "days-by-month",
                "Days of support by month",
                "Days agreed (commissioned) and completed (delivered) in each month.",
                series,
                byMonth,
                "days",
                period,
                "No support was agreed or delivered in this period."));
        sections.add(section(
                "days-by-area",
                "Days of support by area of support",
                "An engagement's days are shared equally between its request's areas of support.",
                series,
                byArea,
                "days",
                period,
                "No support was agreed or delivered in this period."));

        var schools = r.of("schools", Reporting.School.class).rows();
        sections.add(new CommissioningPages.Section(
                "schools",
                "Schools supported",
                "Schools with support agreed in the period.",
                null,
                List.of("School", "Engagements", "Days commissioned", "Days delivered", "Credits paid"),
                schools.stream()
                        .map(s -> List.of(
                                s.name() == null ? "A school" : s.name(),
                                Long.toString(s.engagements()),
                                plain(s.daysCommissioned()),
                                plain(s.daysDelivered()),
                                Long.toString(s.creditsPosted())))
                        .toList(),
                csv("schools", period),
                "No school had support agreed in this period."));

        var credits = r.of("credits", Reporting.Credits.class).rows();
        Map<String, BigDecimal[]> moved = new LinkedHashMap<>();
        credits.forEach(c -> moved.put(month(c.month()), new BigDecimal[] {
            BigDecimal.valueOf(c.allocated()), BigDecimal.valueOf(c.spent()), BigDecimal.valueOf(c.earned())
        }));
        sections.add(section(
                "credits",
                "Credits moved by month",
                "Credits allocated to schools, spent on support and earned by giving it.",
                List.of("Allocated", "Spent", "Earned"),
                moved,
                "credits",
                period,
                "No credits moved in this period."));

        var balances = r.of("balances", Reporting.Balance.class).rows();
        sections.add(new CommissioningPages.Section(
                "balances",
                "Balances at the end of the period",
                "Each school's and provider's credits in and out in the period, and what it had and had held at its end.",
                null,
                List.of("School or provider", "In", "Out", "Balance", "Held"),
                balances.stream()
                        .map(b -> List.of(
                                b.name() == null ? "An account" : b.name(),
                                Long.toString(b.creditsIn()),
                                Long.toString(b.creditsOut()),
                                Long.toString(b.balance()),
                                Long.toString(b.held())))
                        .toList(),
                csv("balances", period),
                "No account moved credits in this period."));

        var levels = r.of("service-levels", Reporting.ServiceLevel.class).rows();
        Map<String, BigDecimal[]> toAgree = new LinkedHashMap<>();
        levels.forEach(l -> toAgree.put(
                month(l.month()), new BigDecimal[] {days(l.medianHoursToAgreement()), days(l.p90HoursToAgreement())}));
        sections.add(new CommissioningPages.Section(
                "time-to-broker",
                "Time from request to agreement",
                "Days from raising a request to the school agreeing support, for requests agreed in each month: the median and the slowest tenth.",
                toAgree.isEmpty()
                        ? null
                        : Charts.bars(
                                "Time from request to agreement, in days",
                                List.of("Median", "90th percentile"),
                                groups(toAgree)),
                List.of("Month", "Raised", "Agreed", "Median days", "90th percentile days"),
                levels.stream()
                        .map(l -> List.of(
                                month(l.month()),
                                Long.toString(l.raised()),
                                Long.toString(l.agreed()),
                                plainOrNone(days(l.medianHoursToAgreement())),
                                plainOrNone(days(l.p90HoursToAgreement()))))
                        .toList(),
                csv("service-levels", period),
                "No request was raised or agreed in this period."));

        var impact = r.of("impact", Reporting.Impact.class).rows();
        Map<String, BigDecimal[]> ratings = new LinkedHashMap<>();
        impact.forEach(i -> ratings.put(
                i.label() == null ? "Not given" : i.label(),
                new BigDecimal[] {i.averageSchoolRating(), i.averageImpactRating()}));
        sections.add(section(
                "impact",
                "Impact ratings by area of support",
                "Average ratings out of 5 given in the period: the school's rating of the support and the adviser's of its impact.",
                List.of("School's rating", "Impact"),
                ratings,
                "impact",
                period,
                "No ratings were given in this period."));

        var waiting = r.of("waiting", Reporting.Waiting.class).rows();
        sections.add(new CommissioningPages.Section(
                "waiting",
                "Requests waiting",
                "Requests raised in the period still waiting for agreement after 14 days, the longest waiting first.",
                null,
                List.of("School", "Urgency", "Raised", "Days waiting"),
                waiting.stream()
                        .map(w -> List.of(
                                w.schoolName() == null ? "A school" : w.schoolName(),
                                Labels.urgency(w.urgency()),
                                Labels.day(w.raisedAt()),
                                plain(w.daysWaiting())))
                        .toList(),
                csv("waiting", period),
                "No request has waited over 14 days."));
        return sections;
    }

    private static CommissioningPages.Section section(
            String id,
            String title,
            String description,
            List<String> series,
            Map<String, BigDecimal[]> groups,
            String report,
            Period period,
            String empty) {
        List<String> columns = new ArrayList<>();
        columns.add(id.contains("area") || id.equals("impact") ? "Area of support" : "Month");
        columns.addAll(series);
        List<List<String>> rows = groups.entrySet().stream()
                .map(e -> {
                    List<String> row = new ArrayList<>();
                    row.add(e.getKey());
                    for (BigDecimal v : e.getValue()) {
                        row.add(plainOrNone(v));
                    }
                    return List.copyOf(row);
                })
                .toList();
        return new CommissioningPages.Section(
                id,
                title,
                description,
                groups.isEmpty() ? null : Charts.bars(title, series, groups(groups)),
                columns,
                rows,
                csv(report, period),
                empty);
    }

    private static List<Charts.Group> groups(Map<String, BigDecimal[]> groups) {
        return groups.entrySet().stream()
                .map(e -> new Charts.Group(e.getKey(), java.util.Arrays.asList(e.getValue())))
                .toList();
    }

    private static void add(Map<String, BigDecimal[]> into, String key, BigDecimal... values) {
        BigDecimal[] sums = into.computeIfAbsent(key, k -> {
            BigDecimal[] zero = new BigDecimal[values.length];
            java.util.Arrays.fill(zero, BigDecimal.ZERO);
            return zero;
        });
        for (int i = 0; i < values.length; i++) {
            sums[i] = sums[i].add(values[i] == null ? BigDecimal.ZERO : values[i]);
        }
    }

    private static String csv(String report, Period period) {
        return Paths.of("/dashboard/" + report + ".csv")
                .query("from", period.from())
                .query("to", period.to())
                .toString();
    }

    /** "September 2026" for 2026-09. */
    private static String month(String yearMonth) {
        try {
            YearMonth m = YearMonth.parse(yearMonth);
            return m.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + m.getYear();
        } catch (RuntimeException notAMonth) {
            return yearMonth == null ? "" : yearMonth;
        }
    }

    private static BigDecimal days(BigDecimal hours) {
        return hours == null ? null : hours.divide(BigDecimal.valueOf(24), 1, java.math.RoundingMode.HALF_UP);
    }

    private static String hours(BigDecimal hours) {
        return hours == null ? "None agreed" : plain(days(hours)) + " days";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static String plainOrNone(BigDecimal v) {
        return v == null ? "None" : plain(v);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}

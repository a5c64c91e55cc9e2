package uk.sse.reporting.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;
import uk.sse.reporting.application.ReadReports;
import uk.sse.reporting.application.ReportAsk;
import uk.sse.reporting.reports.AreaLevel;
import uk.sse.reporting.reports.BalanceRow;
import uk.sse.reporting.reports.CreditsRow;
import uk.sse.reporting.reports.DaysRow;
import uk.sse.reporting.reports.ImpactGrouping;
import uk.sse.reporting.reports.ImpactRow;
import uk.sse.reporting.reports.ProviderGrouping;
import uk.sse.reporting.reports.ProviderRow;
import uk.sse.reporting.reports.Report;
import uk.sse.reporting.reports.ReportRow;
import uk.sse.reporting.reports.SchoolRow;
import uk.sse.reporting.reports.ServiceLevelRow;
import uk.sse.reporting.reports.WaitingRow;

/**
 * The commissioner's reports. Each takes {@code from} and {@code to} (ISO dates, both included) and an optional
 * {@code area} (the caller's own; naming another is a 404), and answers JSON, or CSV when the client prefers
 * {@code text/csv} in its Accept header.
 */
@Controller("/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "reports")
public class ReportController {

    private final ReadReports reports;

    public ReportController(ReadReports reports) {
        this.reports = reports;
    }

    /**
     * Days of support commissioned (agreed), delivered (completed) and cancelled, by month and area of support (level
     * detailed: the taxonomy's codes; top: its top-level areas). An engagement's days are shared equally between its
     * request's areas, so the areas add up to the total.
     */
    @Get("/days")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<DaysRow>> days(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area,
            @QueryValue(defaultValue = "DETAILED") AreaLevel level) {
        return answer(request, reports.days(caller, new ReportAsk(area, from, to), level));
    }

    /** The schools supported (an engagement agreed in the period and not cancelled), each with those engagements' figures. */
    @Get("/schools")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<SchoolRow>> schools(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area) {
        return answer(request, reports.schools(caller, new ReportAsk(area, from, to)));
    }

    /** Providers (by provider, or by provider type): engagements, days, credits earned and average ratings. */
    @Get("/providers")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<ProviderRow>> providers(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area,
            @QueryValue(defaultValue = "PROVIDER") ProviderGrouping by) {
        return answer(request, reports.providers(caller, new ReportAsk(area, from, to), by));
    }

    /** Credits allocated, adjusted, held, released, spent and earned, by month. */
    @Get("/credits")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<CreditsRow>> credits(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area) {
        return answer(request, reports.credits(caller, new ReportAsk(area, from, to)));
    }

    /** Each account's credits in and out in the period, and its balance and open holds at the period's end. */
    @Get("/balances")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<BalanceRow>> balances(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area) {
        return answer(request, reports.balances(caller, new ReportAsk(area, from, to)));
    }

    /** Requests raised, matched, agreed, completed and cancelled by month, with median and 90th-percentile times. */
    @Get("/service-levels")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<ServiceLevelRow>> serviceLevels(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area) {
        return answer(request, reports.serviceLevels(caller, new ReportAsk(area, from, to)));
    }

    /** Requests raised in the period and, at its end (or now), waiting longer than {@code waitingDays} for agreement. */
    @Get("/waiting")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<WaitingRow>> waiting(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area,
            @QueryValue(defaultValue = "14") int waitingDays) {
        return answer(request, reports.waiting(caller, new ReportAsk(area, from, to), waitingDays));
    }

    /** Average school and impact ratings given in the period, by area of support (detailed or top level) or by provider. */
    @Get("/impact")
    @Produces({MediaType.APPLICATION_JSON, CsvReports.MEDIA_TYPE})
    public HttpResponse<Report<ImpactRow>> impact(
            HttpRequest<?> request,
            @Authenticated Caller caller,
            @QueryValue LocalDate from,
            @QueryValue LocalDate to,
            @Nullable @QueryValue String area,
            @QueryValue(defaultValue = "AREA") ImpactGrouping by,
            @QueryValue(defaultValue = "DETAILED") AreaLevel level) {
        return answer(request, reports.impact(caller, new ReportAsk(area, from, to), by, level));
    }

    /**
     * The report as JSON or CSV, or the refusal as problem+json; an area that is not the caller's is a 404 naming
     * {@code area}. Declared as the report for the API description; a CSV or problem body is written as it is.
     */
    @SuppressWarnings("unchecked")
    private static <R extends ReportRow> HttpResponse<Report<R>> answer(
            HttpRequest<?> request, Outcome<Report<R>> outcome) {
        HttpResponse<?> response = outcome instanceof Outcome.NotFound<Report<R>> missing
                ? Problems.of(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        missing.what() + " was not found",
                        List.of(new Problem.FieldError("area", "is not an area you report on")),
                        null)
                : Responses.of(
                        outcome,
                        report -> wantsCsv(request)
                                ? HttpResponse.ok(CsvReports.write(report))
                                        .contentType(CsvReports.MEDIA_TYPE + "; charset=utf-8")
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"" + CsvReports.fileName(report) + "\"")
                                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                                : HttpResponse.ok(report)
                                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT));
        return (HttpResponse<Report<R>>) response;
    }

    /** CSV when the most preferred type the client accepts is text/csv (JSON wins ties, and answers no Accept at all). */
    static boolean wantsCsv(HttpRequest<?> request) {
        List<MediaType> accepted = request.accept().stream()
                .sorted(Comparator.comparing(MediaType::getQualityAsNumber).reversed())
                .toList();
        for (MediaType type : accepted) {
            if (type.getName().equalsIgnoreCase(CsvReports.MEDIA_TYPE)) {
                return true;
            }
            if (type.matches(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}

package uk.sse.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.cookie.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.local.LocalSystem;
import uk.sse.local.LocalWeb;
import uk.sse.local.ReportingReadModel;
import uk.sse.reporting.projection.ProjectEvents;
import uk.sse.reporting.storage.ReadModelSchemas;
import uk.sse.reporting.storage.ReportQueries;
import uk.sse.web.session.SessionCookies;

/**
 * {@code ./run bench-dashboard [EVENTS] [RUNS]}: the commissioner's dashboard for a year of an area's brokerage. The local
 * stack starts as {@code ./run} does (one server: the web's pages and every function's API, the web calling the reporting
 * API over HTTP on it); the reporting benchmark's data ({@link ReportingBenchData}, EVENTS brokerage events, default
 * 100,000) is projected into its read model through the reporting stream handler; then, RUNS times (default 15, after 5
 * warm-ups), in turn and in alternating order:
 * <ul>
 *   <li>the page: {@code GET /dashboard} for the year, as a signed-in commissioner's browser asks for it (session
 *       cookie, HTML): the web's controller, its seven report calls side by side, the reporting API's handler for each
 *       (JWT, policy, queries, JSON), the charts and tables rendered;</li>
 *   <li>the API calls: the same seven {@code GET /reports/...} side by side with the commissioner's bearer token;</li>
 *   <li>the baseline: the same reports' queries ({@link ReportQueries}, the reporting benchmark's probes) called
 *       directly, side by side.</li>
 * </ul>
 * Medians and 90th percentiles are reported, with the page's median over the baseline's and over the API calls'.
 */
public final class DashboardBenchmark {

    /** The reports the dashboard asks for, as the reporting benchmark names its probes. */
    static final List<String> DASHBOARD_REPORTS = List.of(
            "days, top level, year",
            "schools supported, year",
            "credits by month, year",
            "balances, year",
            "service levels, year",
            "impact by area, top level, year",
            "waiting > 14 days, year");

    private DashboardBenchmark() {}

    public static void main(String[] args) {
        BenchmarkMain.exitAfter(() -> measure(args));
    }

    private static void measure(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long started = System.nanoTime();
        System.out.println("load average at the start: " + loadAverage());
        try (LocalSystem stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1))) {
            ApplicationContext context = stack.context();
            System.out.printf(
                    "local stack ready in %.1f s; %d cores, max heap %d MB, JDK %s%n",
                    ReportingBenchmark.seconds(started),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.version());
            long t0 = System.nanoTime();
            ReportingBenchData data = ReportingBenchData.generate(events, 7, context.getBean(EventJson.class));
            System.out.printf(
                    "generated %,d brokerage events of %,d requests, %,d ledger and %,d directory records in %.1f s%n",
                    data.brokerage.size(),
                    data.requests,
                    data.ledger.size(),
                    data.directory.size(),
                    ReportingBenchmark.seconds(t0));
            // into the local run's own read model, through the stream handler as the local run's stream driver calls it
            Map<String, Object> readModel = new HashMap<>(ReportingReadModel.settings(stack.postgres(), "reporting"));
            readModel.putAll(LocalWeb.settings(0));
            readModel.put("micronaut.health.monitor.enabled", false);
            long p0 = System.nanoTime();
            try (ProjectEvents projection =
                    new ProjectEvents(ApplicationContext.builder().properties(readModel))) {
                ReportingBenchmark.project(projection, data.directory);
                ReportingBenchmark.project(projection, data.ledger);
                ReportingBenchmark.project(projection, data.brokerage);
            }
            ReadModelSchemas schemas = context.getBean(ReadModelSchemas.class);
            schemas.analyze(schemas.live());
            System.out.printf("projected and analysed in %.1f s%n", ReportingBenchmark.seconds(p0));
            new Measure(stack, context.getBean(ReportQueries.class)).run(runs);
        }
        System.out.printf(
                "%nload average at the end: %s; benchmark took %.0f s%n",
                loadAverage(), ReportingBenchmark.seconds(started));
    }

    private static final class Measure {

        private final LocalSystem stack;
        private final List<ReportingBenchmark.Probe> probes;
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final ExecutorService sideBySide = Executors.newFixedThreadPool(DASHBOARD_REPORTS.size());
        private final String bearer;
        private final String cookie;

        Measure(LocalSystem stack, ReportQueries queries) {
            this.stack = stack;
            this.probes = ReportingBenchmark.probes(queries).stream()
                    .filter(p -> DASHBOARD_REPORTS.contains(p.name()))
                    .toList();
            if (probes.size() != DASHBOARD_REPORTS.size()) {
                throw new IllegalStateException(
                        "the reporting benchmark has no probe for some of " + DASHBOARD_REPORTS);
            }
            String token = stack.token(
                    "bench-commissioner",
                    List.of(new Membership(Role.COMMISSIONER, ReportingBenchData.AREA, null)),
                    "Bench Commissioner");
            this.bearer = "Bearer " + token;
            // the session the web's sign-in starts for this token, sealed into its cookie as a browser holds it
            SessionCookies cookies = stack.context().getBean(SessionCookies.class);
            Cookie session = cookies.cookie(cookies.start(
                    token, "Bench Commissioner", Instant.now().plusSeconds(7200).getEpochSecond()));
            this.cookie = session.getName() + "=" + session.getValue();
        }

        void run(int runs) throws Exception {
            String page = "/dashboard?period=custom&from-day="
                    + ReportingBenchData.yearFrom().getDayOfMonth()
                    + "&from-month=" + ReportingBenchData.yearFrom().getMonthValue() + "&from-year="
                    + ReportingBenchData.yearFrom().getYear()
                    + "&to-day=" + ReportingBenchData.yearTo().getDayOfMonth() + "&to-month="
                    + ReportingBenchData.yearTo().getMonthValue()
                    + "&to-year=" + ReportingBenchData.yearTo().getYear();
            String html = page(page);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/bench-dashboard.html"), html);
            System.out.printf(
                    "%nthe page for %s to %s: %,d bytes of HTML, %d charts (kept in target/bench-dashboard.html)%n",
                    ReportingBenchData.yearFrom(),
                    ReportingBenchData.yearTo(),
                    html.length(),
                    html.split("<svg", -1).length - 1);
            double[] pages = new double[runs];
            double[] apis = new double[runs];
            double[] queries = new double[runs];
            for (int i = -5; i < runs; i++) {
                double[] three = new double[3];
                for (int turn = 0; turn < 3; turn++) {
                    int which = (turn + Math.floorMod(i, 3)) % 3; // each goes first, second and third in turn
                    long s = System.nanoTime();
                    switch (which) {
                        case 0 -> page(page);
                        case 1 -> apiCalls();
                        default -> directQueries();
                    }
                    three[which] = (System.nanoTime() - s) / 1e6;
                }
                if (i >= 0) {
                    pages[i] = three[0];
                    apis[i] = three[1];
                    queries[i] = three[2];
                }
            }
            sideBySide.shutdown();
            System.out.printf(
                    "%ndashboard of area %s for the year, %d runs after 5 warm-ups (ms)%n",
                    ReportingBenchData.AREA, runs);
            System.out.printf("%-46s %10s %10s%n", "", "median", "p90");
            System.out.printf(
                    "%-46s %10.1f %10.1f%n",
                    "page: GET /dashboard (web + reporting API)", Stats.median(pages), Stats.percentile(pages, 90));
            System.out.printf(
                    "%-46s %10.1f %10.1f%n",
                    "the 7 report API calls, side by side", Stats.median(apis), Stats.percentile(apis, 90));
            System.out.printf(
                    "%-46s %10.1f %10.1f%n",
                    "baseline: their queries, side by side", Stats.median(queries), Stats.percentile(queries, 90));
            System.out.printf(
                    "page / baseline = %.2fx; page / API calls = %.2fx; API calls / baseline = %.2fx%n",
                    Stats.median(pages) / Stats.median(queries),
                    Stats.median(pages) / Stats.median(apis),
                    Stats.median(apis) / Stats.median(queries));
        }

        private String page(String path) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(stack.url() + path))
                            .header("Accept", "text/html")
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200 || !r.body().contains("Days commissioned")) {
                throw new IllegalStateException("the dashboard answered " + r.statusCode());
            }
            return r.body();
        }

        private void apiCalls() {
            List<CompletableFuture<HttpResponse<byte[]>>> calls = probes.stream()
                    .map(p -> http.sendAsync(
                            HttpRequest.newBuilder(URI.create(stack.url() + p.query()))
                                    .header("Authorization", bearer)
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray()))
                    .toList();
            calls.forEach(c -> {
                if (c.join().statusCode() != 200) {
                    throw new IllegalStateException(
                            "a report answered " + c.join().statusCode());
                }
            });
        }

        private void directQueries() {
            probes.stream()
                    .map(p -> CompletableFuture.runAsync(p.direct(), sideBySide))
                    .toList()
                    .forEach(CompletableFuture::join);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException unreadable) {
            return "unknown";
        }
    }
}

package uk.sse.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import uk.sse.kernel.identity.Role;
import uk.sse.local.LocalSystem;

/**
 * Each page of the adviser's visit on the local stack, timed two ways in the same run: the page (the web's controller,
 * its API calls over HTTP on the local server, rendering, as a browser asks for it), and the baseline: the same API calls
 * made directly with the same token, side by side where the page makes them side by side. The ratio is what the web
 * adds to the calls it cannot do without. Also the bytes a phone downloads for the journey, gzipped as sent.
 * Usage: WebBenchmark [RUNS (default 40)]
 */
public final class WebBenchmark {

    static final String SCHOOL = "119788";

    private final LocalSystem stack;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String bearer;

    private WebBenchmark(LocalSystem stack) {
        this.stack = stack;
        this.bearer = "Bearer " + stack.token(Role.ADVISER, null, "Demo Adviser");
    }

    /** A page, and the API calls it makes: each inner list is a step whose calls go side by side. */
    record Page(String name, Supplier<HttpResponse<byte[]>> page, List<List<String>> calls) {}

    public static void main(String[] args) {
        BenchmarkMain.exitAfter(() -> measure(args));
    }

    private static void measure(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long started = System.nanoTime();
        try (LocalSystem stack = LocalSystem.start(new String[0], Map.of("micronaut.server.port", -1))) {
            System.out.printf(
                    "local stack ready in %.1f s; %d cores, JDK %s%n",
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors(), Runtime.version());
            new WebBenchmark(stack).run(runs);
        }
    }

    private void run(int runs) throws Exception {
        signIn();
        String area = stack.demo().demoArea();
        String offer = firstOffer(get("/visit/" + SCHOOL + "/support"));
        String form = new String(get("/visit/" + SCHOOL + "/request").body(), StandardCharsets.UTF_8);
        String key = value(form, "idempotencyKey");
        LocalDate by = LocalDate.now().plusMonths(2);
        String checkBody = form(Map.of(
                "csrfToken",
                value(form, "csrfToken"),
                "idempotencyKey",
                key,
                "need",
                "Reading in Year 7",
                "areasOfSupport",
                "CT.ENG",
                "urgency",
                "HIGH",
                "daysWanted",
                "3",
                "wantedBy-day",
                Integer.toString(by.getDayOfMonth()),
                "wantedBy-month",
                Integer.toString(by.getMonthValue()),
                "wantedBy-year",
                Integer.toString(by.getYear()),
                "credits",
                "10"));
        HttpResponse<byte[]> raised = post("/visit/" + SCHOOL + "/request/raise", checkBody);
        String request = raised.headers().firstValue("Location").orElseThrow().replaceFirst(".*/raised/", "");
        String statuses =
                "&status=OPEN&status=PROPOSED&status=ACCEPTED&status=AGREED&status=IN_DELIVERY&status=COMPLETED";
        List<Page> pages = List.of(
                new Page("home", () -> get("/"), List.of()),
                new Page(
                        "find the school (st bedes)",
                        () -> get("/visit?q=st+bedes"),
                        List.of(List.of("/schools/search?q=st%20bedes&la=" + area + "&limit=20"))),
                new Page(
                        "the school",
                        () -> get("/visit/" + SCHOOL),
                        List.of(List.of(
                                "/schools/" + SCHOOL,
                                "/accounts/" + area + "/" + SCHOOL,
                                "/requests?urn=" + SCHOOL + "&limit=20" + statuses))),
                new Page(
                        "support near it",
                        () -> get("/visit/" + SCHOOL + "/support"),
                        List.of(
                                List.of("/schools/" + SCHOOL),
                                List.of("/search/offers?phase=SECONDARY&sort=relevance&page=1&size=10&near=" + SCHOOL
                                        + "&radiusKm=25"))),
                new Page(
                        "an offer",
                        () -> get("/visit/" + SCHOOL + "/support/" + offer),
                        List.of(List.of("/offers/" + offer, "/schools/" + SCHOOL))),
                new Page(
                        "the request form",
                        () -> get("/visit/" + SCHOOL + "/request"),
                        List.of(List.of("/accounts/" + area + "/" + SCHOOL, "/schools/" + SCHOOL))),
                new Page(
                        "check your request (POST)",
                        () -> post("/visit/" + SCHOOL + "/request", checkBody),
                        List.of(List.of("/accounts/" + area + "/" + SCHOOL, "/schools/" + SCHOOL))),
                new Page(
                        "raise it again (POST, replayed)",
                        () -> post("/visit/" + SCHOOL + "/request/raise", checkBody),
                        List.of()),
                new Page(
                        "confirmation",
                        () -> get("/visit/" + SCHOOL + "/raised/" + request),
                        List.of(List.of("/requests/" + request))),
                new Page(
                        "your requests",
                        () -> get("/support-requests"),
                        List.of(List.of("/requests?limit=20&listing=area&mine=true"))),
                new Page(
                        "the request",
                        () -> get("/support-requests/" + request),
                        List.of(List.of("/requests/" + request))));
        for (int warm = 0; warm < 15; warm++) {
            for (Page p : pages) {
                p.page().get();
                baseline(p.calls());
            }
        }
        System.out.printf(
                "%n%-34s %10s %10s %10s %10s %8s %6s%n",
                "page", "page med", "page p99", "APIs med", "APIs p99", "ratio", "calls");
        for (Page p : pages) {
            double[] page = new double[runs];
            double[] apis = new double[runs];
            for (int i = 0; i < runs; i++) {
                boolean pageFirst = i % 2 == 0;
                if (!pageFirst) {
                    apis[i] = baseline(p.calls());
                }
                long t = System.nanoTime();
                HttpResponse<byte[]> r = p.page().get();
                page[i] = (System.nanoTime() - t) / 1e6;
                if (r.statusCode() >= 400) {
                    throw new IllegalStateException(p.name() + " answered " + r.statusCode());
                }
                if (pageFirst) {
                    apis[i] = baseline(p.calls());
                }
            }
            int calls = p.calls().stream().mapToInt(List::size).sum();
            double apiMedian = Stats.median(apis);
            System.out.printf(
                    "%-34s %8.1fms %8.1fms %8.1fms %8.1fms %8s %6d%n",
                    p.name(),
                    Stats.median(page),
                    Stats.percentile(page, 99),
                    apiMedian,
                    Stats.percentile(apis, 99),
                    calls == 0 ? "-" : String.format("%.2f", Stats.median(page) / apiMedian),
                    calls);
        }
        bytes(pages, offer, request);
    }

    /** What a phone downloads walking the journey once with an empty cache: each page's HTML and, once, the assets. */
    private void bytes(List<Page> pages, String offer, String request) throws IOException, InterruptedException {
        long html = 0;
        long htmlRaw = 0;
        String first = new String(get("/").body(), StandardCharsets.UTF_8);
        for (Page p : pages) {
            byte[] body = p.page().get().body();
            htmlRaw += body.length;
            html += gzip(body);
        }
        long assets = 0;
        List<String> files = new ArrayList<>();
        Matcher m = Pattern.compile("(?:href|src)=\"(/assets/[0-9a-f]+/(?:app\\.css|app\\.js|images/favicon\\.svg))\"")
                .matcher(first);
        while (m.find()) {
            files.add(m.group(1));
        }
        String css = new String(
                get(files.stream().filter(f -> f.endsWith(".css")).findFirst().orElseThrow())
                        .body(),
                StandardCharsets.UTF_8);
        Matcher fonts = Pattern.compile("url\\((/assets/[0-9a-f]+/fonts/[a-z0-9-]+\\.woff2)\\)")
                .matcher(css);
        while (fonts.find()) {
            files.add(fonts.group(1));
        }
        StringBuilder each = new StringBuilder();
        for (String f : files.stream().distinct().toList()) {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(stack.url() + f))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assets += r.body().length;
            each.append(
                    String.format("%n  %-60s %7d bytes", f.replaceFirst("/assets/[0-9a-f]+/", ""), r.body().length));
        }
        System.out.printf(
                "%nbytes for the adviser's journey (%d pages, gzipped as sent): HTML %d (%d unzipped), assets once %d:%s%n"
                        + "total %d bytes%n",
                pages.size(), html, htmlRaw, assets, each, html + assets);
    }

    private double baseline(List<List<String>> steps) {
        long t = System.nanoTime();
        for (List<String> step : steps) {
            List<CompletableFuture<HttpResponse<byte[]>>> calls = step.stream()
                    .map(path -> http.sendAsync(
                            HttpRequest.newBuilder(URI.create(stack.url() + path))
                                    .header("Authorization", bearer)
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray()))
                    .toList();
            calls.forEach(c -> {
                int status = c.join().statusCode();
                if (status >= 400 && status != 404) {
                    throw new IllegalStateException(step + " answered " + status);
                }
            });
        }
        return (System.nanoTime() - t) / 1e6;
    }

    private void signIn() throws IOException {
        String page = new String(get("/sign-in").body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> in = post(
                "/sign-in", form(Map.of("csrfToken", value(page, "csrfToken"), "person", "adviser", "returnTo", "/")));
        if (in.statusCode() != 303 || !cookies.keySet().stream().anyMatch(c -> c.contains("sse-session"))) {
            throw new IllegalStateException("signing in answered " + in.statusCode());
        }
    }

    private HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.url() + path)).GET());
    }

    private HttpResponse<byte[]> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(stack.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** As a browser sends it: HTML accepted, the cookies it holds; cookies set are kept (the client's own jar will not send Secure ones over http). */
    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        request.header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().allValues("Set-Cookie").forEach(c -> {
                String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            });
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstOffer(HttpResponse<byte[]> support) {
        Matcher m = Pattern.compile("/visit/" + SCHOOL + "/support/([A-Za-z0-9_-]+)\\?")
                .matcher(new String(support.body(), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no offer near the school");
        }
        return m.group(1);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " on the page");
        }
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        return String.join(
                "&",
                fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
    }

    private static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }
}

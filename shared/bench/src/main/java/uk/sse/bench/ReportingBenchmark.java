package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sse.engines.Engines;
import uk.sse.engines.PostgresEngine;
import uk.sse.kernel.events.EventJson;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.local.ReportingReadModel;
import uk.sse.reporting.model.ReportPeriod;
import uk.sse.reporting.projection.ProjectEvents;
import uk.sse.reporting.reports.AreaLevel;
import uk.sse.reporting.storage.ReadModelSchemas;
import uk.sse.reporting.storage.ReportQueries;

/**
 * {@code ./run bench-reporting [EVENTS] [RUNS]}: projects EVENTS brokerage events (default 100,000; made by the brokerage
 * model, with the ledger's and directory's records that go with them, see {@link ReportingBenchData}) through the
 * stream handler into the embedded PostgreSQL, then times each report RUNS times (default 15, after 3 warm-ups):
 * <ul>
 *   <li>projection: {@link ProjectEvents#handleRequest} on batches of 100 records, against a baseline of raw batched
 *       inserts of the same envelopes (100 a transaction, {@code ON CONFLICT DO NOTHING}) into a plain table, run before
 *       and after it;</li>
 *   <li>reports: through the API's Lambda handler ({@code APIGatewayV2HTTPEventFunction}: JWT check, binding, policy,
 *       the queries, rounding and labels, JSON out), against the report's own queries called directly
 *       ({@link ReportQueries}), the two alternating, which goes first alternating too.</li>
 * </ul>
 * Medians are reported, with the handler's median over the baseline's.
 */
public final class ReportingBenchmark {

    static final String SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final int BATCH = 100;

    record Probe(String name, String query, Runnable direct) {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long started = System.nanoTime();
        PostgresEngine postgres = Engines.postgres();
        String schema = "bench_" + System.currentTimeMillis();
        Map<String, Object> properties = new HashMap<>(ReportingReadModel.settings(postgres, schema));
        properties.put(SECRET, "benchmark-secret-that-is-long-enough-0123456789");
        // the web's settings too: this run's one classpath holds the web's beans, whose filters every context serving
        // HTTP builds
        properties.putAll(uk.sse.local.LocalWeb.settings(0));
        try (ProjectEvents projection =
                        new ProjectEvents(ApplicationContext.builder().properties(properties));
                ApplicationContext api =
                        ApplicationContext.builder().properties(properties).start()) {
            APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction(api);
            System.out.printf(
                    "PostgreSQL and both contexts ready in %.1f s; schema %s; %d cores, max heap %d MB, JDK %s%n",
                    seconds(started),
                    schema,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"));

            long t0 = System.nanoTime();
            ReportingBenchData data = ReportingBenchData.generate(events, 7, api.getBean(EventJson.class));
            System.out.printf(
                    "generated %,d brokerage events of %,d requests, %,d ledger and %,d directory records in %.1f s%n",
                    data.brokerage.size(), data.requests, data.ledger.size(), data.directory.size(), seconds(t0));

            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = api.getBean(TransactionOperations.class);
            double before = rawInserts(tx, schema, data.envelopes, "raw_before");
            long p0 = System.nanoTime();
            project(projection, data.directory);
            double directorySeconds = seconds(p0);
            long p1 = System.nanoTime();
            project(projection, data.ledger);
            double ledgerSeconds = seconds(p1);
            long p2 = System.nanoTime();
            project(projection, data.brokerage);
            double brokerageSeconds = seconds(p2);
            double after = rawInserts(tx, schema, data.envelopes, "raw_after");
            long a0 = System.nanoTime();
            ReadModelSchemas schemas = api.getBean(ReadModelSchemas.class);
            schemas.analyze(
                    schemas.live()); // what autovacuum does a while after a bulk load, and a rebuild before its swap
            double handlerRate = data.brokerage.size() / brokerageSeconds;
            System.out.printf("%nprojection through the handler (batches of %d):%n", BATCH);
            System.out.printf(
                    "  directory %,d records in %.1f s; ledger %,d records in %.1f s (%,.0f/s)%n",
                    data.directory.size(),
                    directorySeconds,
                    data.ledger.size(),
                    ledgerSeconds,
                    data.ledger.size() / ledgerSeconds);
            System.out.printf(
                    "  brokerage %,d events in %.1f s = %,.0f events/s%n",
                    data.brokerage.size(), brokerageSeconds, handlerRate);
            System.out.printf(
                    "  baseline, raw batched inserts of the same envelopes: %,.0f/s before, %,.0f/s after; handler / baseline = %.2fx%n",
                    before, after, handlerRate / ((before + after) / 2));
            System.out.println("  read model: " + counts(tx, schema));
            System.out.printf("  ANALYZE of the read model's tables: %.1f s%n", seconds(a0));

            String token = "Bearer "
                    + api.getBean(JwtTokenGenerator.class)
                            .generateToken(TokenClaims.person(
                                    api.getBean(IdentitySettings.class),
                                    "bench-commissioner",
                                    Role.COMMISSIONER,
                                    ReportingBenchData.AREA,
                                    null,
                                    Duration.ofHours(2)))
                            .orElseThrow();
            List<Probe> probes = probes(api.getBean(ReportQueries.class));
            System.out.printf(
                    "%nreports of area %s, %s to %s, %d runs each after 3 warm-ups (ms)%n",
                    ReportingBenchData.AREA, ReportingBenchData.yearFrom(), ReportingBenchData.yearTo(), runs);
            System.out.printf(
                    "%-34s %10s %10s %10s %10s %8s %9s%n",
                    "report", "handler", "h p90", "queries", "q p90", "h / q", "bytes");
            for (Probe probe : probes) {
                double[] viaHandler = new double[runs];
                double[] direct = new double[runs];
                int bytes = 0;
                for (int i = -3; i < runs; i++) {
                    boolean handlerFirst = (i & 1) == 0;
                    double h = 0;
                    double q = 0;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == handlerFirst) {
                            long s = System.nanoTime();
                            APIGatewayV2HTTPResponse r = call(handler, probe.query(), token);
                            h = (System.nanoTime() - s) / 1e6;
                            if (r.getStatusCode() != 200) {
                                throw new IllegalStateException(
                                        probe.name() + " answered " + r.getStatusCode() + ": " + r.getBody());
                            }
                            bytes = r.getBody().length();
                        } else {
                            long s = System.nanoTime();
                            probe.direct().run();
                            q = (System.nanoTime() - s) / 1e6;
                        }
                    }
                    if (i >= 0) {
                        viaHandler[i] = h;
                        direct[i] = q;
                    }
                }
                double hm = median(viaHandler);
                double qm = median(direct);
                System.out.printf(
                        "%-34s %10.1f %10.1f %10.1f %10.1f %7.2fx %9d%n",
                        probe.name(), hm, percentile(viaHandler, 0.9), qm, percentile(direct, 0.9), hm / qm, bytes);
            }
            System.out.printf("%nbenchmark took %.0f s%n", seconds(started));
            if (Boolean.getBoolean(
                    "sse.bench.hold")) { // to look at the read model with psql: the server stays up until Enter
                System.out.printf("PostgreSQL %s, schema %s: press Enter to stop%n", postgres.jdbcUrl(), schema);
                System.in.read();
            }
        }
    }

    static List<Probe> probes(ReportQueries q) {
        String area = ReportingBenchData.AREA;
        ReportPeriod year = new ReportPeriod(
                ReportingBenchData.yearFrom(), ReportingBenchData.yearTo(), ZoneId.of("Europe/London"));
        ReportPeriod autumn =
                new ReportPeriod(ReportingBenchData.yearFrom(), LocalDate.of(2025, 11, 30), ZoneId.of("Europe/London"));
        String y = "from=" + year.from() + "&to=" + year.to();
        String a = "from=" + autumn.from() + "&to=" + autumn.to();
        Instant end = year.end();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("days, detailed, year", "/reports/days?" + y, () -> {
            q.days(area, year, AreaLevel.DETAILED);
            q.daysTotal(area, year);
        }));
        probes.add(new Probe("days, top level, year", "/reports/days?level=top&" + y, () -> {
            q.days(area, year, AreaLevel.TOP);
            q.daysTotal(area, year);
        }));
        probes.add(new Probe("days, detailed, autumn term", "/reports/days?" + a, () -> {
            q.days(area, autumn, AreaLevel.DETAILED);
            q.daysTotal(area, autumn);
        }));
        probes.add(new Probe("schools supported, year", "/reports/schools?" + y, () -> q.schoolsSupported(area, year)));
        probes.add(new Probe("providers, year", "/reports/providers?" + y, () -> q.providers(area, year)));
        probes.add(
                new Probe("providers by type, year", "/reports/providers?by=type&" + y, () -> q.providers(area, year)));
        probes.add(new Probe("credits by month, year", "/reports/credits?" + y, () -> q.credits(area, year)));
        probes.add(new Probe("balances, year", "/reports/balances?" + y, () -> q.balances(area, year)));
        probes.add(
                new Probe("service levels, year", "/reports/service-levels?" + y, () -> q.serviceLevels(area, year)));
        probes.add(new Probe(
                "waiting > 14 days, year",
                "/reports/waiting?" + y,
                () -> q.waiting(area, year, end, end.minus(Duration.ofDays(14)))));
        probes.add(new Probe("impact by area, year", "/reports/impact?" + y, () -> {
            q.ratingsByArea(area, year, AreaLevel.DETAILED);
            q.ratingsTotal(area, year);
        }));
        probes.add(new Probe("impact by area, top level, year", "/reports/impact?level=top&" + y, () -> {
            q.ratingsByArea(area, year, AreaLevel.TOP);
            q.ratingsTotal(area, year);
        }));
        probes.add(new Probe("impact by provider, year", "/reports/impact?by=provider&" + y, () -> {
            q.ratingsByProvider(area, year);
            q.ratingsTotal(area, year);
        }));
        return probes;
    }

    static void project(ProjectEvents projection, List<DynamodbStreamRecord> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(new ArrayList<>(records.subList(from, Math.min(records.size(), from + BATCH))));
            if (!projection.handleRequest(event, null).getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("the handler failed records of the batch at " + from);
            }
        }
    }

    /** The baseline: the same envelopes inserted raw, 100 a transaction; envelopes per second. */
    static double rawInserts(
            TransactionOperations<Connection> tx, String schema, List<String> envelopes, String table) {
        String qualified = "\"" + schema + "\"." + table;
        tx.executeWrite(status -> {
            try (Statement st = status.getConnection().createStatement()) {
                st.execute("CREATE TABLE " + qualified + " (event_id text PRIMARY KEY, envelope jsonb NOT NULL)");
            }
            return null;
        });
        long s = System.nanoTime();
        for (int from = 0; from < envelopes.size(); from += BATCH) {
            List<String> batch = envelopes.subList(from, Math.min(envelopes.size(), from + BATCH));
            int offset = from;
            tx.executeWrite(status -> {
                try (PreparedStatement insert = status.getConnection()
                        .prepareStatement("INSERT INTO " + qualified
                                + " (event_id, envelope) VALUES (?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING")) {
                    for (int i = 0; i < batch.size(); i++) {
                        insert.setString(1, "e" + (offset + i));
                        insert.setString(2, batch.get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        return envelopes.size() / seconds(s);
    }

    static Map<String, Long> counts(TransactionOperations<Connection> tx, String schema) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "brokerage_event",
                "request",
                "request_area",
                "engagement",
                "evaluation",
                "school",
                "provider",
                "ledger_transfer")) {
            counts.put(table, tx.executeRead(status -> {
                try (Statement st = status.getConnection().createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + schema + "\"." + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
        }
        return counts;
    }

    static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEventFunction handler, String pathAndQuery, String bearer) {
        int q = pathAndQuery.indexOf('?');
        String path = pathAndQuery.substring(0, q);
        Map<String, String> parameters =
                new LinkedHashMap<>(); // API Gateway sends both the raw query and its parameters
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(pathAndQuery.substring(q + 1))
                .withQueryStringParameters(parameters)
                .withHeaders(Map.of("authorization", bearer, "accept", "application/json"))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .build())
                        .withRequestId("bench")
                        .build())
                .build();
        return handler.handleRequest(event, null);
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

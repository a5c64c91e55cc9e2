package uk.sse.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.application.MoveRequest;
import uk.sse.brokerage.application.ProposeOffers;
import uk.sse.brokerage.application.RaiseRequest;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.signals.RecordEngagementOutcomes;
import uk.sse.indexer.IndexDirectoryChanges;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.storage.DirectorySettings;
import uk.sse.engines.DynamoDbLocalEngine;
import uk.sse.engines.Engines;
import uk.sse.engines.OpenSearchEngine;
import uk.sse.engines.PostgresEngine;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.LedgerSettings;
import uk.sse.reporting.projection.ProjectEvents;
import uk.sse.ledger.application.ExpireDueHolds;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.local.demo.DemoBrokerage;
import uk.sse.local.demo.DemoDirectory;
import uk.sse.local.demo.DemoLedger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on this machine: the embedded engines, every function's API on one Netty server, the
 * directory table's stream driving the indexer, the brokerage table's stream the directory's quality signals, the
 * brokerage's, ledger's and directory's streams the reporting read model (in the embedded PostgreSQL), the ledger's
 * hold sweeper on a timer (a schedule in AWS), the sample register, the demo directory, its credits and its brokerage
 * requests, and signed demo tokens for the demo area.
 */
public final class LocalStack implements AutoCloseable {

    static final long DEMO_SEED = 2026;
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final ApplicationContext context;
    private final DemoDirectory demo;
    private final ImportSchoolRegister.Report register;
    private final OpenSearchEngine openSearch;
    private final PostgresEngine postgres;
    private final List<StreamDriver> streams;
    private final DemoLedger.Seeded credits;
    private DemoBrokerage.Seeded brokerage;
    private final ScheduledExecutorService sweeper;
    private LocalNotifications notifications;

    private LocalStack(ApplicationContext context, DemoDirectory demo, ImportSchoolRegister.Report register,
                       OpenSearchEngine openSearch, PostgresEngine postgres, List<StreamDriver> streams,
                       DemoLedger.Seeded credits, ScheduledExecutorService sweeper) {
        this.context = context;
        this.demo = demo;
        this.register = register;
        this.openSearch = openSearch;
        this.postgres = postgres;
        this.streams = streams;
        this.credits = credits;
        this.sweeper = sweeper;
    }

    /** Starts everything; {@code properties} override the local configuration (e.g. the port). */
    public static LocalStack start(String[] args, Map<String, Object> properties) {
        CompletableFuture<DynamoDbLocalEngine> dynamo = CompletableFuture.supplyAsync(Engines::dynamo);
        CompletableFuture<OpenSearchEngine> openSearch = CompletableFuture.supplyAsync(Engines::openSearch);
        CompletableFuture<PostgresEngine> postgres = CompletableFuture.supplyAsync(Engines::postgres);

        Map<String, Object> settings = new HashMap<>(properties);
        // brokerage calls the directory and the ledger over HTTP, here on this server's own port
        int port = port(properties);
        settings.put("micronaut.server.port", port);
        settings.put("sse.brokerage.directory-url", "http://127.0.0.1:" + port);
        settings.put("sse.brokerage.ledger-url", "http://127.0.0.1:" + port);
        settings.put("sse.aws.endpoint", dynamo.join().endpoint().toString());
        settings.put("sse.opensearch.url", openSearch.join().endpoint().toString());
        settings.put("micronaut.security.token.jwt.signatures.secret.generator.secret", freshSecret());
        Map<String, Object> readModel = ReportingReadModel.settings(postgres.join());
        settings.putAll(readModel);
        LocalReceiver receiver = LocalNotifications.receiver(Integer.parseInt(System.getenv().getOrDefault("SSE_RECEIVER_PORT", "0")));
        settings.putAll(LocalNotifications.settings(receiver));
        ApplicationContext context = Micronaut.build(args).mainClass(LocalStack.class).banner(false).environments("local")
                .properties(settings).start();
        List<StreamDriver> streams = new ArrayList<>();
        try {
            URI dynamoUri = dynamo.join().endpoint();
            String directoryTable = context.getBean(DirectorySettings.class).tableName();
            Map<String, Object> consumers = Map.of("sse.aws.endpoint", dynamoUri.toString(),
                    "sse.opensearch.url", openSearch.join().endpoint().toString(),
                    "sse.indexer.directory-table", directoryTable, "sse.directory.table-name", directoryTable);
            streams.add(StreamDriver.start(dynamoUri, directoryTable, new IndexDirectoryChanges(ApplicationContext.builder().properties(consumers))));
            streams.add(StreamDriver.start(dynamoUri, context.getBean(BrokerageSettings.class).tableName(),
                    new RecordEngagementOutcomes(ApplicationContext.builder().properties(consumers))));
            streams.add(StreamDriver.start(dynamoUri, List.of(context.getBean(LedgerSettings.class).tableName(), directoryTable,
                    context.getBean(BrokerageSettings.class).tableName()), 100, new ProjectEvents(ApplicationContext.builder().properties(readModel))));
            var imported = context.getBean(ImportSchoolRegister.class).importFile(new ByteArrayInputStream(sample()));
            if (!(imported instanceof Outcome.Done<ImportSchoolRegister.Report> register)) {
                throw new IllegalStateException("the sample register was refused: " + imported);
            }
            LocalPostcodes.loadSample(context.getBean(ImportPostcodes.class));
            DemoDirectory demo = DemoDirectory.generate(DemoDirectory.sampleSchools(), LocalDate.now(), DEMO_SEED);
            demo.load(context.getBean(ProviderStore.class), context.getBean(OfferStore.class));
            DemoLedger.Seeded credits = DemoLedger.seed(demo, context.getBean(OpenAccount.class), context.getBean(MoveCredits.class));
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sse-hold-sweeper").daemon().factory());
            ExpireDueHolds expire = context.getBean(ExpireDueHolds.class);
            sweeper.scheduleWithFixedDelay(() -> expire.sweep(1000), SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
            LocalStack stack = new LocalStack(context, demo, register.value(), openSearch.join(), postgres.join(), streams, credits, sweeper);
            stack.notifications = LocalNotifications.start(context, dynamo.join().endpoint(), demo.demoArea(), receiver);
            awaitSearch(stack);
            LocalPostcodes.loadFullFileIfAsked(context.getBean(ImportPostcodes.class));
            stack.brokerage = DemoBrokerage.seed(demo, context.getBean(RaiseRequest.class), context.getBean(ProposeOffers.class),
                    context.getBean(MoveRequest.class), (role, org) -> "Bearer " + stack.token(role, org));
            return stack;
        } catch (RuntimeException failed) {
            streams.forEach(StreamDriver::close);
            context.close();
            receiver.close();
            throw failed;
        }
    }

    /** The port asked for, or for -1 (tests) a free one chosen now, because brokerage must know it before the server starts. */
    private static int port(Map<String, Object> properties) {
        Object asked = properties.getOrDefault("micronaut.server.port", System.getenv().getOrDefault("SSE_PORT", "8080"));
        int port = Integer.parseInt(asked.toString());
        if (port != -1) {
            return port;
        }
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo requests' suggestions come from search: wait until the indexer has caught up with the demo directory. */
    private static void awaitSearch(LocalStack stack) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // what to ask and what to expect do not change while waiting: make them once
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest search = java.net.http.HttpRequest.newBuilder(URI.create(stack.url() + "/search/offers?size=1"))
                .header("Authorization", "Bearer " + stack.token(Role.ADVISER)).build();
        long visible = stack.demo.offers().stream().filter(o -> o.visibleToAdvisers(LocalDate.now())).count();
        io.micronaut.json.JsonMapper json = stack.context.getBean(io.micronaut.json.JsonMapper.class);
        while (System.nanoTime() < deadline) {
            try {
                java.net.http.HttpResponse<String> found = http.send(search, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (found.statusCode() == 200 && json.readValue(found.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class))
                        .get("total") instanceof Number total && total.longValue() >= visible) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("search did not catch up with the demo directory within 2 minutes");
    }

    public String url() {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    public ApplicationContext context() {
        return context;
    }

    public DemoDirectory demo() {
        return demo;
    }

    public ImportSchoolRegister.Report register() {
        return register;
    }

    public DemoLedger.Seeded credits() {
        return credits;
    }

    public DemoBrokerage.Seeded brokerage() {
        return brokerage;
    }

    public OpenSearchEngine openSearch() {
        return openSearch;
    }

    public PostgresEngine postgres() {
        return postgres;
    }

    /** A school of the demo area that publishes offers: the organisation of the demo PROVIDER token. */
    public String demoSchool() {
        return demo.providers().stream().filter(p -> p.type() == ProviderType.SCHOOL && p.area().equals(demo.demoArea()))
                .map(Provider::id).findFirst().orElseThrow();
    }

    /** A signed bearer token (without "Bearer ") for the role in the demo area, valid for 12 hours. */
    public String token(Role role) {
        return token(role, role == Role.PROVIDER ? demoSchool() : null);
    }

    /** As {@link #token(Role)}, for a member of organisation {@code org} (a provider id or a school's URN). */
    public String token(Role role, String org) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "demo-" + role.name().toLowerCase() + (org == null ? "" : "-" + org));
        claims.put(Role.CLAIM, role.name());
        claims.put(Caller.AREA_CLAIM, demo.demoArea());
        if (org != null) {
            claims.put(Caller.ORGANISATION_CLAIM, org);
        }
        claims.put("exp", System.currentTimeMillis() / 1000 + Duration.ofHours(12).toSeconds());
        return context.getBean(JwtTokenGenerator.class).generateToken(claims).orElseThrow();
    }

    /** Where the demo area's webhooks arrive: a page of what came, with each signature checked. */
    public String receiverUrl() {
        return notifications.receiver().origin() + "/";
    }

    LocalNotifications notifications() {
        return notifications;
    }

    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        sweeper.shutdownNow();
        streams.forEach(StreamDriver::close);
        context.close();
    }

    /** A new signing key per run: tokens from an earlier run stop working, as they should. */
    private static String freshSecret() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static byte[] sample() {
        try (InputStream in = LocalStack.class.getResourceAsStream(DemoDirectory.SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(DemoDirectory.SAMPLE + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

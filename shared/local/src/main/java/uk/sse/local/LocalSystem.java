package uk.sse.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import uk.sse.brokerage.BrokerageSettings;
import uk.sse.brokerage.application.MoveRequest;
import uk.sse.brokerage.application.ProposeOffers;
import uk.sse.brokerage.application.RaiseRequest;
import uk.sse.brokerage.application.ReconcileEngagements;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.application.KeepAreas;
import uk.sse.directory.application.OfferStore;
import uk.sse.directory.application.ProviderStore;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.signals.RecordEngagementOutcomes;
import uk.sse.directory.storage.DirectorySettings;
import uk.sse.engines.DynamoDbLocalEngine;
import uk.sse.engines.Engines;
import uk.sse.engines.OpenSearchEngine;
import uk.sse.engines.PostgresEngine;
import uk.sse.indexer.IndexDirectoryChanges;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.ledger.LedgerSettings;
import uk.sse.ledger.application.ExpireDueHolds;
import uk.sse.ledger.application.GiveEntitlements;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.ledger.application.SetCreditScheme;
import uk.sse.local.demo.DemoAreas;
import uk.sse.local.demo.DemoBrokerage;
import uk.sse.local.demo.DemoDirectory;
import uk.sse.local.demo.DemoLedger;
import uk.sse.local.demo.DemoTrustCredits;
import uk.sse.reporting.projection.ProjectEvents;
import uk.sse.testing.LocalSecretsManager;
import uk.sse.testing.NotifyStandIn;

/**
 * The whole system on this machine: the embedded engines, every function's API on one Netty server, the
 * directory table's stream driving the indexer, the brokerage table's stream the directory's quality signals, the
 * brokerage's, ledger's and directory's streams the reporting read model (in the embedded PostgreSQL), the ledger's
 * hold sweeper on a timer (a schedule in AWS), the sample register, the demo directory, its credits and its brokerage
 * requests, and signed demo tokens for the demo area.
 */
public final class LocalSystem implements AutoCloseable {

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
    private LocalSecretsManager secrets;

    private LocalSystem(
            ApplicationContext context,
            DemoDirectory demo,
            ImportSchoolRegister.Report register,
            OpenSearchEngine openSearch,
            PostgresEngine postgres,
            List<StreamDriver> streams,
            DemoLedger.Seeded credits,
            ScheduledExecutorService sweeper) {
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
    public static LocalSystem start(String[] args, Map<String, Object> properties) {
        CompletableFuture<DynamoDbLocalEngine> dynamo = CompletableFuture.supplyAsync(Engines::dynamo);
        CompletableFuture<OpenSearchEngine> openSearch = CompletableFuture.supplyAsync(Engines::openSearch);
        CompletableFuture<PostgresEngine> postgres = CompletableFuture.supplyAsync(Engines::postgres);

        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("sse.aws.endpoint", dynamo.join().endpoint().toString());
        settings.put("sse.opensearch.url", openSearch.join().endpoint().toString());
        settings.put("micronaut.security.token.jwt.signatures.secret.generator.secret", LocalWeb.freshSecret());
        Map<String, Object> readModel = ReportingReadModel.settings(postgres.join());
        settings.putAll(readModel);
        LocalReceiver receiver =
                LocalNotifications.receiver(Integer.parseInt(System.getenv().getOrDefault("SSE_RECEIVER_PORT", "0")));
        settings.putAll(LocalNotifications.settings(receiver));
        NotifyStandIn notify = LocalNotifications.startNotifyStandIn();
        settings.putAll(LocalNotifications.emailSettings(notify));
        // the erasure key, read through Secrets Manager's protocol as in AWS (decision 0117); fresh, like the run's
        // data
        LocalSecretsManager secrets = LocalSecretsManager.start();
        settings.putAll(erasureKey(secrets));
        // the port is chosen only after every engine and stand-in holds its own: one bound to port 0 while the engines
        // started once took the free port chosen for this server (CI: "Address already in use")
        int port = port(properties);
        settings.put("micronaut.server.port", port);
        // brokerage calls the directory and the ledger over HTTP, here on this server's own port
        settings.put("sse.brokerage.directory-url", "http://127.0.0.1:" + port);
        settings.put("sse.brokerage.ledger-url", "http://127.0.0.1:" + port);
        settings.putAll(LocalWeb.settings(port));
        // the notifier's messages link to the web's pages on this server
        settings.put("sse.notifier.link-base-url", "http://127.0.0.1:" + port);
        ApplicationContext context = Micronaut.build(args)
                .mainClass(LocalSystem.class)
                .banner(false)
                .environments("local")
                .properties(settings)
                .start();
        List<StreamDriver> streams = new ArrayList<>();
        try {
            URI dynamoUri = dynamo.join().endpoint();
            String directoryTable = context.getBean(DirectorySettings.class).tableName();
            Map<String, Object> consumers = Map.of(
                    "sse.aws.endpoint",
                    dynamoUri.toString(),
                    "sse.opensearch.url",
                    openSearch.join().endpoint().toString(),
                    "sse.indexer.directory-table",
                    directoryTable,
                    "sse.directory.table-name",
                    directoryTable);
            streams.add(StreamDriver.start(
                    dynamoUri, directoryTable, new IndexDirectoryChanges(consumerContext(consumers))));
            streams.add(StreamDriver.start(
                    dynamoUri,
                    context.getBean(BrokerageSettings.class).tableName(),
                    new RecordEngagementOutcomes(consumerContext(consumers))));
            streams.add(StreamDriver.start(
                    dynamoUri,
                    List.of(
                            context.getBean(LedgerSettings.class).tableName(),
                            directoryTable,
                            context.getBean(BrokerageSettings.class).tableName()),
                    100,
                    new ProjectEvents(consumerContext(readModel))));
            var imported = context.getBean(ImportSchoolRegister.class).importFile(new ByteArrayInputStream(sample()));
            if (!(imported instanceof Outcome.Done<ImportSchoolRegister.Report> register)) {
                throw new IllegalStateException("the sample register was refused: " + imported);
            }
            LocalPostcodes.loadSample(context.getBean(ImportPostcodes.class));
            DemoAreas.define(context.getBean(KeepAreas.class), DemoDirectory.sampleSchools());
            DemoDirectory demo = DemoDirectory.generate(DemoDirectory.sampleSchools(), LocalDate.now(), DEMO_SEED);
            demo.load(context.getBean(ProviderStore.class), context.getBean(OfferStore.class));
            DemoLedger.Seeded credits =
                    DemoLedger.seed(demo, context.getBean(OpenAccount.class), context.getBean(MoveCredits.class));
            DemoTrustCredits.seed(
                    DemoAreas.trustAcademies(DemoDirectory.sampleSchools()),
                    context.getBean(OpenAccount.class),
                    context.getBean(SetCreditScheme.class),
                    context.getBean(GiveEntitlements.class));
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("sse-hold-sweeper").daemon().factory());
            ExpireDueHolds expire = context.getBean(ExpireDueHolds.class);
            sweeper.scheduleWithFixedDelay(
                    () -> expire.sweep(1000), SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
            // the brokerage's reconciliation with the ledger, as its schedule runs it in AWS (every five minutes there)
            ReconcileEngagements reconcile = context.getBean(ReconcileEngagements.class);
            sweeper.scheduleWithFixedDelay(
                    () -> runLogged(() -> reconcile.run(5000)),
                    SWEEP_EVERY.toSeconds(),
                    SWEEP_EVERY.toSeconds(),
                    TimeUnit.SECONDS);
            // the areas' credit schemes, daily in AWS: every minute here, so a scheme set on its page gives within a
            // minute
            GiveEntitlements entitlements = context.getBean(GiveEntitlements.class);
            sweeper.scheduleWithFixedDelay(() -> runLogged(entitlements::run), 60, 60, TimeUnit.SECONDS);
            // dead letters renamed to .replay are handed back to their consumers (operations.md)
            sweeper.scheduleWithFixedDelay(
                    () -> streams.forEach(s -> runLogged(s::replayDeadLetters)), 5, 5, TimeUnit.SECONDS);
            LocalSystem stack = new LocalSystem(
                    context, demo, register.value(), openSearch.join(), postgres.join(), streams, credits, sweeper);
            stack.secrets = secrets;
            stack.notifications =
                    LocalNotifications.start(context, dynamo.join().endpoint(), demo.demoArea(), receiver, notify);
            awaitSearch(stack);
            LocalPostcodes.loadFullFileIfAsked(context.getBean(ImportPostcodes.class));
            stack.brokerage = DemoBrokerage.seed(
                    demo,
                    context.getBean(RaiseRequest.class),
                    context.getBean(ProposeOffers.class),
                    context.getBean(MoveRequest.class));
            context.registerSingleton(new Handle(stack, DemoPeople.of(demo, areaName(demo.demoArea()))));
            return stack;
        } catch (RuntimeException failed) {
            streams.forEach(StreamDriver::close);
            context.close();
            receiver.close();
            notify.close();
            secrets.close();
            throw failed;
        }
    }

    /** What the demo sign-in page needs once the demo data is in: the stack (to sign tokens) and the people to offer. */
    public record Handle(LocalSystem stack, DemoPeople people) {}

    private static String areaName(String area) {
        return DemoDirectory.sampleSchools().stream()
                .filter(s -> area.equals(s.laCode()) && s.laName() != null)
                .map(uk.sse.directory.register.School::laName)
                .findFirst()
                .orElse(null);
    }

    /**
     * A stream consumer's own context, as its Lambda has one. It serves no HTTP, so it keeps no health monitor: this run's
     * one classpath holds the web's beans too, and the monitor's checks would build the web's request binders, which
     * need settings only the server's context has.
     */
    static io.micronaut.context.ApplicationContextBuilder consumerContext(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .properties(properties)
                .properties(Map.of("micronaut.health.monitor.enabled", false));
    }

    /** A scheduled task that must go on running after a failure (a scheduled executor stops a task that throws). */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failed) {
            org.slf4j.LoggerFactory.getLogger(LocalSystem.class)
                    .warn("a scheduled task failed; it runs again at its next time", failed);
        }
    }

    /** The port asked for, or for -1 (tests) a free one chosen now, because brokerage must know it before the server starts. */
    private static int port(Map<String, Object> properties) {
        Object asked =
                properties.getOrDefault("micronaut.server.port", System.getenv().getOrDefault("SSE_PORT", "8080"));
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
    private static void awaitSearch(LocalSystem stack) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // what to ask and what to expect do not change while waiting: make them once
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest search = java.net.http.HttpRequest.newBuilder(
                        URI.create(stack.url() + "/search/offers?size=1"))
                .header("Authorization", "Bearer " + stack.token(Role.ADVISER))
                .build();
        long visible = stack.demo.offers().stream()
                .filter(o -> o.visibleToAdvisers(LocalDate.now()))
                .count();
        io.micronaut.json.JsonMapper json = stack.context.getBean(io.micronaut.json.JsonMapper.class);
        while (System.nanoTime() < deadline) {
            try {
                java.net.http.HttpResponse<String> found =
                        http.send(search, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (found.statusCode() == 200
                        && json.readValue(
                                                found.body(),
                                                io.micronaut.core.type.Argument.mapOf(String.class, Object.class))
                                        .get("total")
                                instanceof Number total
                        && total.longValue() >= visible) {
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

    /** The web application's address: the same server, whose default route is the web function's. */
    public String webUrl() {
        return url() + "/";
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
        return demo.providers().stream()
                .filter(p -> p.type() == ProviderType.SCHOOL && p.area().equals(demo.demoArea()))
                .map(Provider::id)
                .findFirst()
                .orElseThrow();
    }

    /** A signed bearer token (without "Bearer ") for the role in the demo area, valid for 12 hours. */
    public String token(Role role) {
        return token(role, role == Role.PROVIDER ? demoSchool() : null);
    }

    /** As {@link #token(Role)}, for a member of organisation {@code org} (a provider id or a school's URN). */
    public String token(Role role, String org) {
        return token(role, org, null);
    }

    /** As {@link #token(Role, String)}, with the person's name (what the web greets them by). */
    public String token(Role role, String org, String name) {
        Map<String, Object> claims = TokenClaims.person(
                context.getBean(IdentitySettings.class),
                "demo-" + role.name().toLowerCase() + (org == null ? "" : "-" + org),
                role,
                demo.demoArea(),
                org,
                Duration.ofHours(12));
        if (name != null) {
            claims.put("name", name);
            // as Cognito's pre-token trigger adds it: the address the person signed in with, verified (decision 0075)
            claims.put("email", claims.get("sub") + "@demo.schoolsupport.example");
            claims.put("email_verified", true);
        }
        return context.getBean(JwtTokenGenerator.class).generateToken(claims).orElseThrow();
    }

    /** A signed bearer token for a demo person of these memberships (subject {@code demo-<key>}), valid for 12 hours. */
    public String token(String key, List<Membership> memberships, String name) {
        Map<String, Object> claims = TokenClaims.person(
                context.getBean(IdentitySettings.class), "demo-" + key, memberships, Duration.ofHours(12));
        if (name != null) {
            claims.put("name", name);
        }
        return context.getBean(JwtTokenGenerator.class).generateToken(claims).orElseThrow();
    }

    /** Where the emails the notifier sends locally arrive: a page of them, newest first (the GOV.UK Notify stand-in). */
    public String emailsUrl() {
        return notifications.notifyStandIn().baseUrl() + "/";
    }

    /** The emails the local Notify stand-in has accepted, oldest first. */
    public List<NotifyStandIn.Email> emailsSent() {
        return notifications.notifyStandIn().emails();
    }

    /** Where the demo area's webhooks arrive: a page of what came, with each signature checked. */
    public String receiverUrl() {
        return notifications.receiver().origin() + "/";
    }

    /**
     * Makes the local receiver take webhooks at {@code path} for a subscription made through the pages, checking each
     * with the signing secret ({@code whsec_...}) the page showed; the address to give it.
     */
    public String receiveWebhooksAt(String path, String secret) {
        return notifications
                .receiver()
                .endpoint(
                        path,
                        "a subscription made on the webhook pages",
                        uk.sse.notifier.model.SigningSecret.parse(secret)
                                .orElseThrow(() -> new IllegalArgumentException("not a signing secret")));
    }

    LocalNotifications notifications() {
        return notifications;
    }

    /** The bodies of the webhooks the local receiver has had at {@code path} ({@code /slack}, {@code /json}), oldest first. */
    public List<String> webhooksReceived(String path) {
        return notifications.receiver().arrivals().stream()
                .filter(a -> a.path().equals(path))
                .map(LocalReceiver.Arrival::body)
                .toList();
    }

    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        sweeper.shutdownNow();
        streams.forEach(StreamDriver::close);
        context.close();
        if (secrets != null) {
            secrets.close();
        }
    }

    /** The local Secrets Manager holding a fresh erasure key, and the settings that point the functions at it. */
    static Map<String, Object> erasureKey(LocalSecretsManager secrets) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String arn = "arn:aws:secretsmanager:eu-west-2:000000000000:secret:sse-local/erasure-key";
        secrets.put(arn, java.util.HexFormat.of().formatHex(key));
        return Map.of("sse.erasure.key-arn", arn, "sse.erasure.secrets-endpoint", secrets.endpoint());
    }

    /** A new signing key per run: tokens from an earlier run stop working, as they should. */
    static byte[] sample() {
        try (InputStream in = LocalSystem.class.getResourceAsStream(DemoDirectory.SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(DemoDirectory.SAMPLE + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

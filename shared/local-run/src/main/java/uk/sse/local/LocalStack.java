package uk.sse.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import uk.sse.directory.application.ImportSchoolRegister;
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
import uk.sse.ledger.application.ExpireDueHolds;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.local.demo.DemoDirectory;
import uk.sse.local.demo.DemoLedger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on this machine: the embedded engines, every function's API on one Netty server, the
 * directory table's stream driving the indexer, the ledger's hold sweeper on a timer (a schedule in AWS), the sample
 * register, the demo directory and its credits, and signed demo tokens for the demo area.
 */
public final class LocalStack implements AutoCloseable {

    static final long DEMO_SEED = 2026;
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final ApplicationContext context;
    private final DemoDirectory demo;
    private final ImportSchoolRegister.Report register;
    private final OpenSearchEngine openSearch;
    private final PostgresEngine postgres;
    private final DirectoryStreamToIndex indexing;
    private final DemoLedger.Seeded credits;
    private final ScheduledExecutorService sweeper;
    private LocalNotifications notifications;

    private LocalStack(ApplicationContext context, DemoDirectory demo, ImportSchoolRegister.Report register,
                       OpenSearchEngine openSearch, PostgresEngine postgres, DirectoryStreamToIndex indexing,
                       DemoLedger.Seeded credits, ScheduledExecutorService sweeper) {
        this.context = context;
        this.demo = demo;
        this.register = register;
        this.openSearch = openSearch;
        this.postgres = postgres;
        this.indexing = indexing;
        this.credits = credits;
        this.sweeper = sweeper;
    }

    /** Starts everything; {@code properties} override the local configuration (e.g. the port). */
    public static LocalStack start(String[] args, Map<String, Object> properties) {
        CompletableFuture<DynamoDbLocalEngine> dynamo = CompletableFuture.supplyAsync(Engines::dynamo);
        CompletableFuture<OpenSearchEngine> openSearch = CompletableFuture.supplyAsync(Engines::openSearch);
        CompletableFuture<PostgresEngine> postgres = CompletableFuture.supplyAsync(Engines::postgres);

        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("sse.aws.endpoint", dynamo.join().endpoint().toString());
        settings.put("sse.opensearch.url", openSearch.join().endpoint().toString());
        settings.put("micronaut.security.token.jwt.signatures.secret.generator.secret", freshSecret());
        LocalReceiver receiver = LocalNotifications.receiver(Integer.parseInt(System.getenv().getOrDefault("SSE_RECEIVER_PORT", "0")));
        settings.putAll(LocalNotifications.settings(receiver));
        ApplicationContext context = Micronaut.build(args).mainClass(LocalStack.class).banner(false).environments("local")
                .properties(settings).start();
        DirectoryStreamToIndex indexing = null;
        try {
            indexing = DirectoryStreamToIndex.start(dynamo.join().endpoint(), openSearch.join().endpoint(),
                    context.getBean(DirectorySettings.class).tableName());
            var imported = context.getBean(ImportSchoolRegister.class).importFile(new ByteArrayInputStream(sample()));
            if (!(imported instanceof Outcome.Done<ImportSchoolRegister.Report> register)) {
                throw new IllegalStateException("the sample register was refused: " + imported);
            }
            DemoDirectory demo = DemoDirectory.generate(DemoDirectory.sampleSchools(), LocalDate.now(), DEMO_SEED);
            demo.load(context.getBean(ProviderStore.class), context.getBean(OfferStore.class));
            DemoLedger.Seeded credits = DemoLedger.seed(demo, context.getBean(OpenAccount.class), context.getBean(MoveCredits.class));
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sse-hold-sweeper").daemon().factory());
            ExpireDueHolds expire = context.getBean(ExpireDueHolds.class);
            sweeper.scheduleWithFixedDelay(() -> expire.sweep(1000), SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
            LocalStack stack = new LocalStack(context, demo, register.value(), openSearch.join(), postgres.join(), indexing, credits, sweeper);
            stack.notifications = LocalNotifications.start(context, dynamo.join().endpoint(), demo.demoArea(), receiver);
            return stack;
        } catch (RuntimeException failed) {
            if (indexing != null) {
                indexing.close();
            }
            context.close();
            receiver.close();
            throw failed;
        }
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
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "demo-" + role.name().toLowerCase());
        claims.put(Role.CLAIM, role.name());
        claims.put(Caller.AREA_CLAIM, demo.demoArea());
        if (role == Role.PROVIDER) {
            claims.put(Caller.ORGANISATION_CLAIM, demoSchool());
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
        indexing.close();
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

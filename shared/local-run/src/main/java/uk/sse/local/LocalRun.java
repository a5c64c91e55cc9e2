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
import uk.sse.directory.register.GiasCsvReader;
import uk.sse.directory.register.GiasParse;
import uk.sse.directory.register.School;
import uk.sse.engines.DynamoDbLocalEngine;
import uk.sse.engines.Engines;
import uk.sse.engines.OpenSearchEngine;
import uk.sse.engines.PostgresEngine;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.local.demo.DemoDirectory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on this machine: the embedded engines, every function's API on one port, the
 * sample register and the demo directory; prints the URL and a signed demo token for each role.
 */
public final class LocalRun {

    static final String SAMPLE = "/demo/edubase-sample.csv";
    static final long DEMO_SEED = 2026;

    private LocalRun() { }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        CompletableFuture<DynamoDbLocalEngine> dynamo = CompletableFuture.supplyAsync(Engines::dynamo);
        CompletableFuture<OpenSearchEngine> openSearch = CompletableFuture.supplyAsync(Engines::openSearch);
        CompletableFuture<PostgresEngine> postgres = CompletableFuture.supplyAsync(Engines::postgres);

        ApplicationContext context = Micronaut.build(args).mainClass(LocalRun.class).environments("local")
                .properties(Map.of(
                        "sse.aws.endpoint", dynamo.join().endpoint().toString(),
                        "micronaut.security.token.jwt.signatures.secret.generator.secret", freshSecret()))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stopped.countDown();
        }, "sse-local-stop"));

        byte[] sample = sample();
        List<School> schools = schools(sample);
        var report = context.getBean(ImportSchoolRegister.class).importFile(new ByteArrayInputStream(sample));
        DemoDirectory demo = DemoDirectory.generate(schools, LocalDate.now(), DEMO_SEED);
        demo.load(context.getBean(ProviderStore.class), context.getBean(OfferStore.class));

        String url = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
        System.out.println(banner(url, report, demo, context.getBean(JwtTokenGenerator.class),
                openSearch.join(), postgres.join(), Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
    }

    private static String banner(String url, Outcome<ImportSchoolRegister.Report> report, DemoDirectory demo,
                                 JwtTokenGenerator tokens, OpenSearchEngine openSearch, PostgresEngine postgres, Duration took) {
        String area = demo.demoArea();
        String school = demo.providers().stream().filter(p -> p.type() == ProviderType.SCHOOL && p.area().equals(area))
                .map(Provider::id).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder("\n=== School Support Exchange is running (ready in %.1f s) ===\n".formatted(took.toMillis() / 1000.0));
        text.append("API         ").append(url).append('\n');
        text.append("Swagger UI  ").append(url).append("/swagger-ui/\n");
        text.append("Register    ").append(report instanceof Outcome.Done<ImportSchoolRegister.Report> d ? d.value().created() + " schools" : report).append('\n');
        text.append("Directory   ").append(demo.providers().size()).append(" providers, ").append(demo.offers().size())
                .append(" offers; demo area ").append(area).append('\n');
        text.append("Engines     DynamoDB Local (in process), OpenSearch ").append(openSearch.endpoint())
                .append(", PostgreSQL ").append(postgres.jdbcUrl()).append('\n');
        text.append("\nDemo bearer tokens (12 hours), area ").append(area).append(":\n");
        for (Role role : Role.values()) {
            String organisation = role == Role.PROVIDER ? school : null;
            text.append("\n").append(role).append(organisation == null ? "" : " of " + organisation).append(":\n")
                    .append(token(tokens, role, area, organisation)).append('\n');
        }
        text.append("\nTry:\n  curl -H \"Authorization: Bearer $TOKEN\" ").append(url).append("/offers?area=").append(area).append("\n");
        text.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(url).append("/schools/").append(school).append("\n");
        text.append("Press Ctrl-C to stop.\n");
        return text.toString();
    }

    static String token(JwtTokenGenerator tokens, Role role, String area, String organisation) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "demo-" + role.name().toLowerCase());
        claims.put(Role.CLAIM, role.name());
        claims.put(Caller.AREA_CLAIM, area);
        if (organisation != null) {
            claims.put(Caller.ORGANISATION_CLAIM, organisation);
        }
        claims.put("exp", System.currentTimeMillis() / 1000 + Duration.ofHours(12).toSeconds());
        return tokens.generateToken(claims).orElseThrow();
    }

    /** A new signing key per run: tokens from an earlier run stop working, as they should. */
    private static String freshSecret() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static List<School> schools(byte[] csv) {
        return switch (GiasCsvReader.read(new ByteArrayInputStream(csv))) {
            case GiasParse.Parsed parsed -> parsed.rows();
            case GiasParse.Refused refused -> throw new IllegalStateException("the sample register was refused: " + refused.reason());
        };
    }

    static byte[] sample() {
        try (InputStream in = LocalRun.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

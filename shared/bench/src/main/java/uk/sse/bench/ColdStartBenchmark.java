package uk.sse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.engines.Engines;
import uk.sse.engines.PostgresEngine;
import uk.sse.kernel.dynamo.Tables;

/**
 * The functions' Lambda cold starts, measured: each run is a fresh JVM on a shaded Lambda jar answering one API
 * Gateway event, against a baseline of a fresh JVM that does nothing. Three ways to start (see {@link Mode}): as
 * Lambda runs Java without SnapStart, and two snapshot-like starts on the JDK's AOT cache (JEP 483/514), trained by a run
 * that stops where SnapStart would take its snapshot, without and with the SnapStart hooks' priming. Runs of the
 * baseline and the modes alternate so that machine noise falls on all alike. Prints medians, ranges and the ratios.
 * Usage: ColdStartBenchmark RUNS LAMBDA_JAR... (each {@code functions/NAME/target/sse-NAME-*-lambda.jar})
 */
public final class ColdStartBenchmark {

    /**
     * Every probe's JVM: as AWS recommends for Java Lambdas (client compiler only, serial collector), with the JDK's
     * default class-data archive (an AOT cache, where given, replaces it).
     */
    static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** How a probe's JVM starts. */
    enum Mode {
        PLAIN("a. C1, SerialGC (Lambda without SnapStart)", false, false),
        AOT_INIT("b. + AOT cache trained to the snapshot point", true, false),
        AOT_PRIMED("c. + AOT cache trained with priming, primed before the snapshot", true, true);

        final String label;
        final boolean cached;
        final boolean primed;

        Mode(String label, boolean cached, boolean primed) {
            this.label = label;
            this.cached = cached;
            this.primed = primed;
        }
    }

    /**
     * A function to probe: its jar, its settings, and a request that reaches its store (or renders a page) for the
     * role given ({@code none}: no token), answered with {@code status} when nothing is stored.
     */
    record Function(String name, Path jar, Map<String, String> settings, String path, String role, int status) {

        static Function named(String name, Path jar) {
            return switch (name) {
                case "directory" -> dynamo(name, jar, "/schools/100000", "ADVISER");
                case "ledger" -> dynamo(name, jar, "/accounts/888/100000", "COMMISSIONER");
                case "brokerage" -> dynamo(name, jar, "/requests/req_01ARZ3NDEKTSV4RRFFQ69G5FAV", "BROKER");
                case "notifier" -> dynamo(name, jar, "/subscriptions/sub_01M90000000000000000000000", "BROKER");
                case "reporting" -> reporting(jar);
                case "web" -> web(jar);
                default -> throw new IllegalArgumentException("no function " + name);
            };
        }

        /** A read of one item of the function's table, which the benchmark makes empty: a 404. */
        private static Function dynamo(String name, Path jar, String path, String role) {
            String table = name + "-bench";
            createTable(Engines.dynamo().endpoint().toString(), table);
            return new Function(name, jar, Map.of("sse." + name + ".table-name", table), path, role, 404);
        }

        /** A month's report of days for the caller's area from an empty read model (migrated by Flyway at start): a 200. */
        private static Function reporting(Path jar) {
            PostgresEngine postgres = Engines.postgres();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("datasources.default.url", postgres.jdbcUrl());
            settings.put("datasources.default.username", postgres.username());
            settings.put("datasources.default.password", postgres.password());
            settings.put("sse.reporting.schema", "coldstart");
            return new Function(
                    "reporting", jar, settings, "/reports/days?from=2026-01-01&to=2026-01-31", "COMMISSIONER", 200);
        }

        /** The page of an address the web does not have, for someone not signed in: no API is called. */
        private static Function web(Path jar) {
            return new Function(
                    "web",
                    jar,
                    Map.of(
                            "sse.web.api-url", "http://127.0.0.1:9",
                            "sse.web.session-key", "benchmark-session-key-that-is-long-enough-0123456789",
                            "micronaut.security.csrf.signature-key",
                                    "benchmark-csrf-key-that-is-long-enough-0123456789"),
                    "/no-such-page",
                    "none",
                    404);
        }
    }

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        System.out.printf(
                "%s, %d cores, load average %.2f%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        List<String> summary = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                Path jar = Path.of(args[i]);
                String name =
                        jar.getFileName().toString().replaceFirst("^sse-", "").replaceFirst("-[0-9].*$", "");
                summary.add(measure(Function.named(name, jar), runs));
            }
        } finally {
            Engines.dynamo().close(); // its server's threads would keep a failed benchmark alive
        }
        System.out.println();
        System.out.println("| function | jar | baseline | a. first response | b. AOT cache | c. AOT cache + priming |"
                + " c. snapshot to first response |");
        System.out.println("|---|---|---|---|---|---|---|");
        summary.forEach(System.out::println);
        System.out.printf(
                "load average at the end %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.exit(0); // PostgreSQL, where reporting was measured, stops with the JVM
    }

    private static String measure(Function function, int runs) throws Exception {
        String classpath = probeClasspath(function.jar());
        Map<Mode, Path> caches = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            if (mode.cached) {
                caches.put(mode, train(classpath, function, mode));
            }
        }
        List<Long> baseline = new ArrayList<>();
        Map<Mode, List<String>> lines = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            baseline.add(value(probe(classpath, function, List.of(), "baseline"), "main"));
            for (Mode mode : Mode.values()) {
                List<String> options = mode.cached ? List.of("-XX:AOTCache=" + caches.get(mode)) : List.of();
                lines.computeIfAbsent(mode, m -> new ArrayList<>())
                        .add(probe(classpath, function, options, "50", function.path(), String.valueOf(mode.primed)));
            }
        }
        long base = median(baseline);
        long jar = Files.size(function.jar());
        long layers = 0;
        for (Path layer : layersOf(function.jar())) {
            layers += Files.size(layer);
        }
        System.out.printf(
                "%s (%d runs; jar %.1f MB%s)%n",
                function.name(),
                runs,
                jar / 1e6,
                layers == 0 ? "" : String.format(", with the embeddings layer's libraries %.1f MB", layers / 1e6));
        System.out.printf("  baseline, JVM to main: median %d ms %s%n", base, baseline);
        List<String> cells = new ArrayList<>();
        long lastSnapshotToFirst = 0;
        for (Mode mode : Mode.values()) {
            List<Long> first = values(lines.get(mode), "first");
            List<Long> init = values(lines.get(mode), "init");
            List<Long> afterSnapshot = new ArrayList<>();
            for (String line : lines.get(mode)) {
                afterSnapshot.add(value(line, "first") - value(line, "snapshot"));
            }
            long cold = median(first);
            System.out.printf(
                    "  %s: first response median %d ms (%d-%d), %.1fx the baseline; handler built %d ms;"
                            + " snapshot point to first response %d ms; warm %d us %s%n",
                    mode.label,
                    cold,
                    min(first),
                    max(first),
                    (double) cold / Math.max(1, base),
                    median(init),
                    median(afterSnapshot),
                    median(values(lines.get(mode), "warmMedianMicros")),
                    first);
            cells.add(String.format(
                    "%,d ms, %.0fx (%,d-%,d)", cold, (double) cold / Math.max(1, base), min(first), max(first)));
            lastSnapshotToFirst = median(afterSnapshot);
        }
        return String.format(
                "| %s | %.1f MB | %d ms | %s | %s | %s | %d ms |",
                function.name(), jar / 1e6, base, cells.get(0), cells.get(1), cells.get(2), lastSnapshotToFirst);
    }

    /**
     * Writes the AOT cache of a run that stops where SnapStart would snapshot (JDK 25's one-step training,
     * {@code -XX:AOTCacheOutput}, JEP 514), after priming when the mode primes: what the cache holds is what that run
     * loaded and linked.
     */
    static Path train(String classpath, Function function, Mode mode) throws IOException, InterruptedException {
        Path cache = Files.createTempDirectory("aot").resolve(function.name() + "-" + mode.name() + ".aot");
        probe(classpath, function, List.of("-XX:AOTCacheOutput=" + cache), "init", String.valueOf(mode.primed));
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("no AOT cache written at " + cache);
        }
        return cache;
    }

    /** A function's table, made as the CDK app would make it in AWS (the Lambda does not create it). */
    static void createTable(String endpoint, String table) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create(endpoint))
                .region(Region.EU_WEST_2)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(() -> AwsBasicCredentials.create("local", "local"))
                .build()) {
            Tables.createIfAbsent(client, Tables.definition(table, 2));
        }
    }

    /**
     * The Lambda artefact and nothing else but the probe's own class files, in a jar of their own (the AOT cache takes
     * classes from jars only): the local run's classes hold beans of other functions (the demo sign-in page needs the
     * web's), which a Lambda never has.
     */
    static String probeClasspath(Path lambdaJar) throws java.net.URISyntaxException, IOException {
        return probeClasspath(lambdaJar, ColdStartProbe.class);
    }

    /** The Lambda artefact, its layers' libraries and the given probe's class files (with its nested classes) in a jar. */
    static String probeClasspath(Path lambdaJar, Class<?> probeClass) throws java.net.URISyntaxException, IOException {
        Path classes = Path.of(
                probeClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = probeClass.getPackageName().replace('.', '/');
        Path probe = Files.createTempDirectory("probe").resolve("probe.jar");
        try (var files = Files.list(classes.resolve(packagePath));
                JarOutputStream jar = new JarOutputStream(Files.newOutputStream(probe))) {
            for (Path file : (Iterable<Path>)
                    files.filter(f -> f.getFileName().toString().startsWith(probeClass.getSimpleName()))::iterator) {
                jar.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return lambdaJar
                + java.io.File.pathSeparator
                + layersOf(lambdaJar).stream()
                        .map(l -> l + java.io.File.pathSeparator)
                        .collect(Collectors.joining())
                + probe;
    }

    /**
     * The layers' libraries Lambda adds to the function's classpath (/opt/java/lib): for the directory and the indexer,
     * those of the embeddings layer (decision 0055) as Maven resolves them, listed by {@code shared/embeddings} beside
     * {@code functions/} in {@code target/layer.classpath}. Not the layer's own jar: its natives are arm64's only, and the
     * directory loads the model as its context starts.
     */
    static List<Path> layersOf(Path lambdaJar) throws IOException {
        String name = lambdaJar.getFileName().toString();
        if (!name.startsWith("sse-directory-") && !name.startsWith("sse-indexer-")) {
            return List.of();
        }
        Path listed = lambdaJar
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent()
                .getParent()
                .resolve("shared/embeddings/target/layer.classpath");
        if (!Files.isRegularFile(listed)) {
            throw new IllegalStateException("no " + listed + ": package shared/embeddings first");
        }
        return java.util.Arrays.stream(Files.readString(listed).trim().split(java.io.File.pathSeparator))
                .map(Path::of)
                .toList();
    }

    /** Runs the probe in a fresh JVM with the function's settings, the JVM options given and the probe's arguments; returns its PROBE line. */
    static String probe(String classpath, Function function, List<String> options, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(options);
        command.add("-Dsse.aws.endpoint=" + Engines.dynamo().endpoint());
        function.settings().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-D" + ColdStartProbe.ROLE + "=" + function.role());
        command.add(
                "-Dmicronaut.security.token.jwt.signatures.secret.generator.secret=benchmark-secret-that-is-long-enough-0123456789");
        // the notifier seals secrets with it
        command.add("-Dsse.notifier.secret-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("probe", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe did not finish in 5 minutes: " + Files.readString(out));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("probe failed: " + Files.readString(out));
        }
        String line = Files.readAllLines(out).stream()
                .filter(l -> l.startsWith("PROBE "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no PROBE line in " + out));
        Files.delete(out);
        return line;
    }

    static long value(String line, String name) {
        return Long.parseLong(java.util.Arrays.stream(line.split(" "))
                .filter(p -> p.startsWith(name + "="))
                .findFirst()
                .orElseThrow()
                .substring(name.length() + 1));
    }

    private static List<Long> values(List<String> lines, String name) {
        return lines.stream().map(l -> value(l, name)).toList();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}

package uk.sse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.engines.Engines;
import uk.sse.kernel.dynamo.Tables;

/**
 * The functions' Lambda cold starts, measured: each run is a fresh JVM on a shaded Lambda jar answering one API
 * Gateway event that reads DynamoDB (Local), against a baseline of a fresh JVM that does nothing. Runs alternate
 * so that machine noise falls on both alike. Prints medians and the ratio for each function.
 * Usage: ColdStartBenchmark RUNS DIRECTORY_LAMBDA_JAR LEDGER_LAMBDA_JAR BROKERAGE_LAMBDA_JAR NOTIFIER_LAMBDA_JAR
 */
public final class ColdStartBenchmark {

    /** A function to probe: its jar, its table, and a read that reaches DynamoDB for the role given. */
    record Function(String name, Path jar, String tableProperty, String path, String role) {
        static Function directory(Path jar) {
            return new Function("directory", jar, "sse.directory.table-name", "/schools/100000", "ADVISER");
        }

        static Function ledger(Path jar) {
            return new Function("ledger", jar, "sse.ledger.table-name", "/accounts/888/100000", "COMMISSIONER");
        }

        static Function brokerage(Path jar) {
            return new Function(
                    "brokerage", jar, "sse.brokerage.table-name", "/requests/req_01ARZ3NDEKTSV4RRFFQ69G5FAV", "BROKER");
        }

        static Function notifier(Path jar) {
            return new Function(
                    "notifier",
                    jar,
                    "sse.notifier.table-name",
                    "/subscriptions/sub_01M90000000000000000000000",
                    "BROKER");
        }

        static Function named(String name, Path jar) {
            return switch (name) {
                case "directory" -> directory(jar);
                case "ledger" -> ledger(jar);
                case "brokerage" -> brokerage(jar);
                case "notifier" -> notifier(jar);
                default -> throw new IllegalArgumentException("no function " + name);
            };
        }
    }

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String endpoint = Engines.dynamo().endpoint().toString();
        for (Function function : List.of(
                Function.directory(Path.of(args[1])),
                Function.ledger(Path.of(args[2])),
                Function.brokerage(Path.of(args[3])),
                Function.notifier(Path.of(args[4])))) {
            measure(function, endpoint, runs);
        }
        Engines.dynamo().close();
    }

    private static void measure(Function function, String endpoint, int runs) throws Exception {
        String table = function.name() + "-bench";
        createTable(endpoint, table);
        String classpath = probeClasspath(function.jar());
        List<Long> baseline = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            baseline.add(value(probe(classpath, endpoint, function, table, "baseline"), "main"));
            String line = probe(classpath, endpoint, function, table, "50");
            first.add(value(line, "first"));
            warm.add(value(line, "warmMedianMicros"));
        }
        long base = median(baseline);
        long cold = median(first);
        System.out.printf(
                "%s (%d runs, jar %.1f MB%s)%n",
                function.name(),
                runs,
                Files.size(function.jar()) / 1e6,
                layersOf(function.jar()).isEmpty() ? "" : ", with the embeddings layer's libraries");
        System.out.printf("  baseline JVM to main: median %d ms %s%n", base, baseline);
        System.out.printf(
                "  cold start to first response: median %d ms %s  (%.1fx the baseline)%n",
                cold, first, (double) cold / Math.max(1, base));
        System.out.printf("  warm request through the handler: median of medians %d us %s%n", median(warm), warm);
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
     * The Lambda artefact and nothing else but the probe's own class files, copied to a folder of their own: the local
     * run's classes hold beans of other functions (the demo sign-in page needs the web's), which a Lambda never has.
     */
    static String probeClasspath(Path lambdaJar) throws java.net.URISyntaxException, IOException {
        return probeClasspath(lambdaJar, ColdStartProbe.class);
    }

    /** The Lambda artefact, its layers' libraries and the class files of the probe given (and its nested classes). */
    static String probeClasspath(Path lambdaJar, Class<?> probeClass) throws java.net.URISyntaxException, IOException {
        Path classes = Path.of(
                probeClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = probeClass.getPackageName().replace('.', '/');
        Path probe = Files.createTempDirectory("probe");
        Files.createDirectories(probe.resolve(packagePath));
        try (var files = Files.list(classes.resolve(packagePath))) {
            for (Path file : (Iterable<Path>)
                    files.filter(f -> f.getFileName().toString().startsWith(probeClass.getSimpleName()))::iterator) {
                Files.copy(file, probe.resolve(packagePath).resolve(file.getFileName()));
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

    /** Runs the probe in a fresh JVM and returns its PROBE line. */
    static String probe(String classpath, String endpoint, Function function, String table, String warm)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Dsse.aws.endpoint=" + endpoint,
                "-D" + function.tableProperty() + "=" + table,
                "-D" + ColdStartProbe.ROLE + "=" + function.role(),
                "-Dmicronaut.security.token.jwt.signatures.secret.generator.secret=benchmark-secret-that-is-long-enough-0123456789",
                "-Dsse.notifier.secret-key="
                        + java.util.Base64.getEncoder()
                                .encodeToString(new byte[32]), // the notifier seals secrets with it
                "-cp",
                classpath,
                ColdStartProbe.class.getName(),
                warm,
                function.path()));
        Path out = Files.createTempFile("probe", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe did not finish in 2 minutes: " + Files.readString(out));
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

    private static long value(String line, String name) {
        return Long.parseLong(java.util.Arrays.stream(line.split(" "))
                .filter(p -> p.startsWith(name + "="))
                .findFirst()
                .orElseThrow()
                .substring(name.length() + 1));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }
}

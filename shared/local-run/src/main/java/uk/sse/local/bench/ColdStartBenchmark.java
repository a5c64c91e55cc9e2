package uk.sse.local.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.engines.Engines;
import uk.sse.kernel.dynamo.Tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The directory Lambda's cold start, measured: each run is a fresh JVM on the shaded Lambda jar answering
 * one API Gateway event that reads DynamoDB (Local), against a baseline of a fresh JVM that does nothing.
 * Runs alternate so that machine noise falls on both alike. Prints medians and the ratio.
 * Usage: ColdStartBenchmark LAMBDA_JAR [RUNS]
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() { }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String table = "directory-bench";
        String endpoint = Engines.dynamo().endpoint().toString();
        createTable(endpoint, table);
        String classpath = probeClasspath(jar);
        List<Long> baseline = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            baseline.add(value(probe(classpath, endpoint, table, "baseline"), "main"));
            String line = probe(classpath, endpoint, table, "50", "/schools/100000");
            first.add(value(line, "first"));
            warm.add(value(line, "warmMedianMicros"));
        }
        long base = median(baseline);
        long cold = median(first);
        System.out.printf("runs=%d  baseline JVM to main: median %d ms %s%n", runs, base, baseline);
        System.out.printf("cold start to first response: median %d ms %s  (%.1fx the baseline)%n", cold, first, (double) cold / Math.max(1, base));
        System.out.printf("warm request through the handler: median of medians %d us %s%n", median(warm), warm);
        Engines.dynamo().close();
    }

    /** The directory's table, made as the CDK app would make it in AWS (the Lambda does not create it). */
    static void createTable(String endpoint, String table) {
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(java.net.URI.create(endpoint))
                .region(Region.EU_WEST_2).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(() -> AwsBasicCredentials.create("local", "local")).build()) {
            Tables.createIfAbsent(client, DirectoryTable.definition(table));
        }
    }

    /** The Lambda artefact and nothing else but the probe class. */
    static String probeClasspath(Path lambdaJar) throws java.net.URISyntaxException {
        String probeClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return lambdaJar + java.io.File.pathSeparator + probeClasses;
    }

    /** Runs the probe in a fresh JVM and returns its PROBE line. */
    static String probe(String classpath, String endpoint, String table, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dsse.aws.endpoint=" + endpoint, "-Dsse.directory.table-name=" + table,
                "-Dmicronaut.security.token.jwt.signatures.secret.generator.secret=benchmark-secret-that-is-long-enough-0123456789",
                "-cp", classpath, ColdStartProbe.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("probe", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe did not finish in 2 minutes: " + Files.readString(out));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("probe failed: " + Files.readString(out));
        }
        String line = Files.readAllLines(out).stream().filter(l -> l.startsWith("PROBE ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PROBE line in " + out));
        Files.delete(out);
        return line;
    }

    private static long value(String line, String name) {
        return Long.parseLong(java.util.Arrays.stream(line.split(" ")).filter(p -> p.startsWith(name + "="))
                .findFirst().orElseThrow().substring(name.length() + 1));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }
}

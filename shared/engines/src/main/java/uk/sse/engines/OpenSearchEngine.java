package uk.sse.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.engines.node.OpenSearchNodeMain;

/**
 * An OpenSearch node in a child JVM. OpenSearch's Netty, Jackson and log4j clash with Micronaut's,
 * so the child gets its own classpath, resolved at build time by the sse-opensearch-node module.
 *
 * <p>The child reads its stdin and stops at EOF, so it dies with this JVM even on {@code kill -9}.
 * Its output goes to {@code opensearch.log} in the work directory.
 */
public final class OpenSearchEngine extends RunningEngine {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchEngine.class);

    static final String CLASSPATH_RESOURCE = "uk/sse/engines/opensearch-node.classpath";
    // by name and by inlined constant only: its OpenSearch dependencies are not on this classpath
    static final String MAIN_CLASS = "uk.sse.engines.node.OpenSearchNodeMain";
    static final String READY = OpenSearchNodeMain.READY;

    private static final long START_TIMEOUT_SECONDS = 120;
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final URI endpoint;
    private final Path logFile;

    private OpenSearchEngine(Process process, URI endpoint, Path logFile) {
        super("opensearch");
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    public static OpenSearchEngine start(Path workDir) {
        Path dir = workDir.toAbsolutePath();
        Path logFile = dir.resolve("opensearch.log");
        String classpath = nodeClasspath();
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return startOnce(dir, logFile, classpath);
            } catch (ChildExited e) {
                // e.g. a port or node lock still held by a node that is shutting down: try again
                failure = e;
                LOG.warn("OpenSearch start attempt {} of {} failed: {}", attempt, ATTEMPTS, e.getMessage());
            }
        }
        throw failure;
    }

    private static OpenSearchEngine startOnce(Path dir, Path logFile, String classpath) {
        long started = System.nanoTime();
        Path nodeDir = dir.resolve("node");
        Process process;
        try {
            Files.createDirectories(dir);
            deleteTree(nodeDir); // each start is a fresh, empty cluster
            Files.writeString(
                    logFile,
                    "",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            process = new ProcessBuilder(command(classpath, nodeDir))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch the OpenSearch child JVM", e);
        }

        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, logFile, ready), "opensearch-output");
        pump.setDaemon(true);
        pump.start();
        try {
            URI endpoint = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            OpenSearchEngine engine = new OpenSearchEngine(process, endpoint, logFile);
            LOG.info(
                    "OpenSearch started at {} in {} ms (pid {}, log {})",
                    endpoint,
                    (System.nanoTime() - started) / 1_000_000,
                    process.pid(),
                    logFile);
            return engine;
        } catch (ExecutionException e) {
            kill(process);
            throw new ChildExited("OpenSearch child JVM exited before it was ready (exit code " + exitCode(process)
                    + ")" + tail(logFile));
        } catch (TimeoutException e) {
            kill(process);
            throw new IllegalStateException(
                    "OpenSearch was not ready after " + START_TIMEOUT_SECONDS + " s" + tail(logFile));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting OpenSearch", e);
        }
    }

    private static List<String> command(String classpath, Path nodeDir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m",
                "-Xmx512m",
                "-XX:+UseSerialGC", // fewest GC threads: the box has 2 cores
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Dlog4j2.disable.jmx=true",
                "-Dlog4j.shutdownHookEnabled=false", // keep logging alive while the node closes
                "-Dio.netty.allocator.numDirectArenas=0"));
        if (Runtime.version().feature() >= 24) {
            // silence Netty's and Lucene's warnings about sun.misc.Unsafe and native access
            command.add("--sun-misc-unsafe-memory-access=allow");
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", classpath, MAIN_CLASS, nodeDir.toString(), "sse-engines"));
        return command;
    }

    /** Copies the child's output to the log file and completes {@code ready} with the endpoint it prints. */
    private static void pump(Process process, Path logFile, CompletableFuture<URI> ready) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                int at = line.indexOf(READY);
                if (at >= 0) {
                    ready.complete(
                            URI.create(line.substring(at + READY.length()).trim()));
                }
            }
        } catch (IOException e) {
            // the child is gone, or the log file is; nothing else to do here
        }
        ready.completeExceptionally(new IllegalStateException("the OpenSearch child's output ended"));
    }

    /**
     * The node's classpath: the jar or directory that holds the resource (it also holds the main
     * class), then the dependency jars listed in the resource.
     */
    static String nodeClasspath() {
        URL resource = OpenSearchEngine.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(
                    CLASSPATH_RESOURCE + " is not on the classpath: add uk.sse:sse-opensearch-node");
        }
        try {
            URLConnection connection = resource.openConnection();
            Path nodeModule;
            String listed;
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                nodeModule = Path.of(jar.getJarFileURL().toURI());
            } else {
                nodeModule = Path.of(resource.toURI())
                        .getParent()
                        .getParent()
                        .getParent()
                        .getParent();
            }
            try (InputStream in = connection.getInputStream()) {
                listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            List<String> entries = new ArrayList<>();
            entries.add(nodeModule.toString());
            entries.addAll(Arrays.asList(listed.split(java.io.File.pathSeparator)));
            List<String> missing =
                    entries.stream().filter(e -> !Files.exists(Path.of(e))).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "the OpenSearch node's classpath lists missing files (rebuild sse-opensearch-node): "
                                + missing);
            }
            return String.join(java.io.File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("could not locate " + resource, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The child JVM, for tests that check it has stopped. */
    ProcessHandle process() {
        return process.toHandle();
    }

    Path logFile() {
        return logFile;
    }

    @Override
    void stop() {
        try {
            process.getOutputStream().close(); // EOF on the child's stdin: it closes the node and exits
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warn("OpenSearch (pid {}) ignored EOF on stdin; killing it", process.pid());
                kill(process);
            }
            LOG.info("OpenSearch at {} stopped (exit code {})", endpoint, exitCode(process));
        } catch (IOException e) {
            kill(process);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        }
    }

    private static void kill(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "none, still running" : String.valueOf(process.exitValue());
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "\n--- last lines of " + logFile + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return " (no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static final class ChildExited extends IllegalStateException {
        ChildExited(String message) {
            super(message);
        }
    }
}

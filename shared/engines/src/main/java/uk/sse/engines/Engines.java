package uk.sse.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of each engine per JVM, started lazily on first use, stopped by a shutdown hook (each engine
 * registers its own). An engine that someone closed is started again on the next call.
 *
 * <p>Work directories are {@code target/engines/<engine>-<pid>}, or under the directory named by
 * the system property {@code sse.engines.dir}. The pid keeps concurrent JVMs (an IDE and a Maven
 * build, say) apart; directories of JVMs that are gone are removed on first use. PostgreSQL's
 * binaries are unpacked once, into {@code postgres-binaries}.
 */
public final class Engines {

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private static final Object DYNAMO_LOCK = new Object();
    private static final Object OPENSEARCH_LOCK = new Object();
    private static final Object POSTGRES_LOCK = new Object();

    private static DynamoDbLocalEngine dynamo;
    private static OpenSearchEngine openSearch;
    private static PostgresEngine postgres;
    private static final Map<String, RuntimeException> FAILURES = new ConcurrentHashMap<>();

    private Engines() {}

    public static DynamoDbLocalEngine dynamo() {
        synchronized (DYNAMO_LOCK) {
            if (dynamo == null || dynamo.isClosed()) {
                dynamo = start("DynamoDB Local", DynamoDbLocalEngine::start);
            }
            return dynamo;
        }
    }

    public static OpenSearchEngine openSearch() {
        synchronized (OPENSEARCH_LOCK) {
            if (openSearch == null || openSearch.isClosed()) {
                openSearch = start("OpenSearch", () -> OpenSearchEngine.start(workDir("opensearch")));
            }
            return openSearch;
        }
    }

    public static PostgresEngine postgres() {
        synchronized (POSTGRES_LOCK) {
            if (postgres == null || postgres.isClosed()) {
                // one copy of the binaries for all JVMs: unpacking them takes seconds
                postgres = start(
                        "PostgreSQL",
                        () -> PostgresEngine.start(
                                workDir("postgres"), baseDir().resolve("postgres-binaries")));
            }
            return postgres;
        }
    }

    /** A failed start is not retried by later callers: each of them would wait minutes for the same error. */
    private static <E> E start(String engine, Supplier<E> starter) {
        RuntimeException failure = FAILURES.get(engine);
        if (failure != null) {
            throw new IllegalStateException(engine + " failed to start earlier in this JVM", failure);
        }
        try {
            return starter.get();
        } catch (RuntimeException e) {
            FAILURES.put(engine, e);
            throw e;
        }
    }

    static Path baseDir() {
        return Path.of(System.getProperty("sse.engines.dir", "target/engines")).toAbsolutePath();
    }

    private static Path workDir(String engine) {
        Path base = baseDir();
        removeLeftovers(base, engine);
        return base.resolve(engine + "-" + ProcessHandle.current().pid());
    }

    /** Deletes the work directories of JVMs that no longer run, stopping a leftover postgres first. */
    private static void removeLeftovers(Path base, String engine) {
        if (!Files.isDirectory(base)) {
            return;
        }
        Function<Path, Long> pidOf = dir -> {
            try {
                return Long.parseLong(dir.getFileName().toString().substring(engine.length() + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        };
        try (Stream<Path> dirs = Files.list(base)) {
            List<Path> stale = dirs.filter(d -> d.getFileName().toString().startsWith(engine + "-"))
                    .filter(d -> {
                        Long pid = pidOf.apply(d);
                        return pid != null
                                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                    })
                    .toList();
            for (Path dir : stale) {
                LOG.info("removing {}, left by a JVM that is gone", dir);
                if (engine.equals("postgres")) {
                    PostgresEngine.stopLeftover(dir.resolve("data"));
                }
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove old engine directories under {}: {}", base, e.toString());
        }
    }
}

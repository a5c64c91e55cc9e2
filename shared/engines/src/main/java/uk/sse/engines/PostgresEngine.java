package uk.sse.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the zonky binaries, with its binaries, data and log inside the work directory.
 *
 * <p>Authentication is {@code trust} on loopback: any password is accepted. Durability settings
 * are off (fsync, full page writes): this server is for tests and the local run only.
 */
public final class PostgresEngine extends RunningEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEngine.class);
    private static final int ATTEMPTS = 3;

    private final EmbeddedPostgres postgres;
    private final Process watchdog;
    private final String jdbcUrl;

    private PostgresEngine(EmbeddedPostgres postgres, Process watchdog) {
        super("postgres");
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public static PostgresEngine start(Path workDir) {
        return start(workDir, workDir);
    }

    /** {@code binariesDir} may be shared between JVMs: zonky unpacks into it under a file lock. */
    static PostgresEngine start(Path workDir, Path binariesDir) {
        Path dir = workDir.toAbsolutePath();
        Path dataDir = dir.resolve("data");
        Path logFile = dir.resolve("postgres.log");
        IOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long started = System.nanoTime();
            try {
                Files.createDirectories(dir);
                stopLeftover(dataDir);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(
                                binariesDir.toAbsolutePath().toFile())
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(false) // ours is below, and close() removes it
                        .setPGStartupWait(Duration.ofMinutes(2))
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("unix_socket_directories", "") // TCP only: nothing in /tmp
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
                Process watchdog;
                try {
                    watchdog = watchdog(dataDir);
                } catch (IOException e) {
                    postgres.close();
                    throw e;
                }
                PostgresEngine engine = new PostgresEngine(postgres, watchdog);
                LOG.info(
                        "PostgreSQL started at {} in {} ms", engine.jdbcUrl, (System.nanoTime() - started) / 1_000_000);
                return engine;
            } catch (IOException e) {
                // e.g. the port zonky picked was taken before postgres bound it: try again
                failure = e;
                LOG.warn("PostgreSQL start attempt {} of {} failed: {}", attempt, ATTEMPTS, e.getMessage());
            }
        }
        throw new UncheckedIOException("PostgreSQL did not start; see " + logFile, failure);
    }

    /**
     * pg_ctl runs postgres as a daemon, which outlives a JVM killed without its shutdown hooks. This
     * shell waits for EOF on its stdin, which comes when this JVM dies however it dies, and then
     * asks the postmaster for a fast shutdown (SIGINT). close() kills the shell first.
     */
    private static Process watchdog(Path dataDir) throws IOException {
        String pid = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                .get(0)
                .trim();
        return new ProcessBuilder(
                        "sh",
                        "-c",
                        "read -r line; grep -q postgres /proc/$1/cmdline 2>/dev/null && kill -INT $1",
                        "pg-watchdog",
                        pid)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Should the watchdog have died with the JVM (a killed process group), a postgres may still run
     * on this data directory. Stop it before the directory is wiped and reused.
     */
    static void stopLeftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            Optional<ProcessHandle> leftover = lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
            leftover.filter(p ->
                            p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(p -> {
                        LOG.warn("stopping a leftover PostgreSQL (pid {}) in {}", p.pid(), dataDir);
                        p.destroy(); // SIGTERM: "smart" shutdown; its clients are gone with their JVM
                        p.onExit()
                                .orTimeout(30, TimeUnit.SECONDS)
                                .exceptionally(t -> null)
                                .join();
                        if (p.isAlive()) {
                            p.destroyForcibly();
                        }
                    });
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return "postgres";
    }

    /** Any password works (trust authentication); this one is for tools that insist on one. */
    public String password() {
        return "postgres";
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    void stop() {
        watchdog.destroy();
        try {
            watchdog.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            postgres.close(); // pg_ctl stop -m fast, then deletes the data directory
            LOG.info("PostgreSQL at {} stopped", jdbcUrl);
        } catch (IOException e) {
            LOG.warn("PostgreSQL at {} did not stop cleanly", jdbcUrl, e);
        }
    }
}

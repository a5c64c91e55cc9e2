package uk.sse.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.kernel.outcome.Outcome;

/**
 * The postcode directory of the local run: the sample (the postcodes of the sample register's schools, and two whole
 * sectors) at start, and, with {@code SSE_POSTCODES=<path of a Code-Point Open file>}, the whole file after the stack is
 * up, in the background, through the same import the register's job uses (for Great Britain, 1.7 million rows in
 * about 11,000 sector items; progress is logged).
 */
final class LocalPostcodes {

    static final String SAMPLE = "/demo/codepoint-open-sample.csv";
    static final String FULL_FILE = "SSE_POSTCODES";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostcodes.class);

    private LocalPostcodes() {}

    static ImportPostcodes.Report loadSample(ImportPostcodes postcodes) {
        try (InputStream in = LocalPostcodes.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath");
            }
            return loaded(SAMPLE, postcodes.importFrom(in, ImportPostcodes.Progress.NONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void loadFullFileIfAsked(ImportPostcodes postcodes) {
        String file = System.getenv(FULL_FILE);
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        Thread.ofPlatform().name("sse-postcodes").daemon().start(() -> {
            long started = System.nanoTime();
            LOG.info("loading the postcode directory from {} in the background", path);
            try (InputStream in = Files.newInputStream(path)) {
                ImportPostcodes.Report report =
                        loaded(path.toString(), postcodes.importFrom(in, (sectors, rejected) -> {
                            if (sectors % 1_000 == 0) {
                                LOG.info("postcodes: {} sectors loaded so far", sectors);
                            }
                        }));
                LOG.info(
                        "postcode directory loaded from {} in {} s: {} rows, {} sectors ({} new, {} changed), {} rows rejected",
                        path,
                        (System.nanoTime() - started) / 1_000_000_000,
                        report.rows(),
                        report.sectors(),
                        report.created(),
                        report.updated(),
                        report.rejected());
            } catch (IOException | RuntimeException e) {
                LOG.error("the postcode directory could not be loaded from {}", path, e);
            }
        });
    }

    private static ImportPostcodes.Report loaded(String from, Outcome<ImportPostcodes.Report> outcome) {
        if (!(outcome instanceof Outcome.Done<ImportPostcodes.Report> done)) {
            throw new IllegalStateException("the postcodes in " + from + " were refused: " + outcome);
        }
        return done.value();
    }
}

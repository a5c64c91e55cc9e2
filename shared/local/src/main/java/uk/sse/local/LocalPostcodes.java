package uk.sse.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.directory.application.ImportPostcodes;
import uk.sse.directory.register.PostcodeRelease;
import uk.sse.kernel.outcome.Outcome;

/**
 * The postcode directory of the local run: the sample (the postcodes of the sample register's schools, and two whole
 * sectors) at start, and, with {@code SSE_POSTCODES=<path of a Code-Point Open file>}, the whole file after the stack is
 * up, in the background, through the same import the register's job uses (for Great Britain, 1.7 million rows in
 * about 11,000 sector items; progress is logged).
 */
final class LocalPostcodes {

    static final String SAMPLE = "/demo/codepoint-open-sample.csv";
    /** The sample's licence, whose lines credit the release it was taken from. */
    static final String SAMPLE_LICENCE = "/demo/codepoint-open-sample.LICENCE.md";

    static final String FULL_FILE = "SSE_POSTCODES";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostcodes.class);

    private LocalPostcodes() {}

    static ImportPostcodes.Report loadSample(ImportPostcodes postcodes) {
        try (InputStream in = LocalPostcodes.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath");
            }
            return loaded(SAMPLE, postcodes.importFrom(in, sampleRelease(), ImportPostcodes.Progress.NONE));
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
                        loaded(path.toString(), postcodes.importFrom(in, releaseBeside(path), (sectors, rejected) -> {
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

    private static Optional<PostcodeRelease> sampleRelease() throws IOException {
        try (InputStream licence = LocalPostcodes.class.getResourceAsStream(SAMPLE_LICENCE)) {
            if (licence == null) {
                throw new IllegalStateException(SAMPLE_LICENCE + " is not on the classpath");
            }
            return PostcodeRelease.fromLicence(new String(licence.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The release a local file is: its name's year, or the attribution of the notes beside it (SOURCES.md, as
     * ../shared/data/postcodes has, or {@code <name>.LICENCE.md}).
     */
    private static Optional<PostcodeRelease> releaseBeside(Path file) throws IOException {
        String name = file.getFileName().toString();
        Optional<PostcodeRelease> named = PostcodeRelease.fromFileName(name);
        for (Path notes : List.of(
                file.resolveSibling("SOURCES.md"),
                file.resolveSibling(name.replaceFirst("\\..*$", "") + ".LICENCE.md"))) {
            if (named.isEmpty() && Files.isRegularFile(notes)) {
                named = PostcodeRelease.fromLicence(Files.readString(notes));
            }
        }
        return named;
    }

    private static ImportPostcodes.Report loaded(String from, Outcome<ImportPostcodes.Report> outcome) {
        if (!(outcome instanceof Outcome.Done<ImportPostcodes.Report> done)) {
            throw new IllegalStateException("the postcodes in " + from + " were refused: " + outcome);
        }
        return done.value();
    }
}

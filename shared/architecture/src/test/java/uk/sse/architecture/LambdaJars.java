package uk.sse.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a function's shaded Lambda jar must not carry: the local run, the engines, test support, demo data. */
final class LambdaJars {

    /** Entry name prefixes: our own modules that stay home, the embedded engines' libraries, test libraries. */
    static final List<String> FORBIDDEN = List.of(
            "uk/sse/local/", "uk/sse/engines/", "uk/sse/testing/", "uk/sse/architecture/",
            "demo/", "application-local.yml", "logback-local.xml",
            "com/amazonaws/services/dynamodbv2/local/", "io/zonky/", "org/codelibs/",
            "org/junit/", "net/jqwik/", "org/assertj/", "org/openqa/", "com/deque/", "com/tngtech/archunit/");

    private LambdaJars() { }

    /** The entries of the jar that it must not carry. */
    static List<String> forbiddenEntries(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}

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
            "uk/sse/local/", "uk/sse/bench/", "uk/sse/engines/", "uk/sse/testing/", "uk/sse/architecture/",
            "demo/", "application-local.yml", "logback-local.xml",
            "com/amazonaws/services/dynamodbv2/local/", "io/zonky/", "org/codelibs/",
            "org/junit/", "net/jqwik/", "org/assertj/", "org/openqa/", "com/deque/", "com/tngtech/archunit/");

    private LambdaJars() { }

    /** A native library built for another platform than the functions' Linux arm64 (decision 0055). */
    static boolean otherPlatformNative(String entry) {
        String name = entry.toLowerCase(java.util.Locale.ROOT);
        boolean nativeLibrary = name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll") || name.endsWith(".jnilib");
        return nativeLibrary && !name.contains("linux-aarch64/");
    }

    /** The file entries of a jar. */
    static java.util.Set<String> entries(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** A Lambda layer zip: each of its entries, and the file entries of each jar in it, by the jar's path in the zip. */
    static java.util.Map<String, java.util.Set<String>> layer(Path zipFile) {
        java.util.Map<String, java.util.Set<String>> layer = new java.util.TreeMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                java.util.Set<String> inner = new java.util.TreeSet<>();
                if (entry.getName().endsWith(".jar")) {
                    try (java.util.zip.ZipInputStream jar = new java.util.zip.ZipInputStream(zip.getInputStream(entry))) {
                        for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                            if (!e.isDirectory()) {
                                inner.add(e.getName());
                            }
                        }
                    }
                }
                layer.put(entry.getName(), inner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zipFile, e);
        }
        return layer;
    }

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

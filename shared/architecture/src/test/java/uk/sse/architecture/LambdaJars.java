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
            "uk/sse/local/",
            "uk/sse/bench/",
            "uk/sse/engines/",
            "uk/sse/testing/",
            "uk/sse/architecture/",
            "demo/",
            "application-local.yml",
            "logback-local.xml",
            "com/amazonaws/services/dynamodbv2/local/",
            "io/zonky/",
            "org/codelibs/",
            "org/junit/",
            "net/jqwik/",
            "org/assertj/",
            "org/openqa/",
            "com/deque/",
            "com/tngtech/archunit/");

    /** The functions that search or index, and so carry the kernel's OpenSearch adapters and the client (decision 0091). */
    static final java.util.Set<String> SEARCHING = java.util.Set.of("directory", "indexer");

    /** The functions that keep nothing in AWS themselves, and so carry neither the kernel's AWS adapters nor the SDK. */
    static final java.util.Set<String> WITHOUT_AWS = java.util.Set.of("web");

    private LambdaJars() {}

    /**
     * The entries of a function's jar that belong to a kernel adapter module (and its libraries) it does not use,
     * or to files no deployed function serves (Swagger UI).
     */
    static List<String> unusedAdapterEntries(String function, java.util.Collection<String> entries) {
        java.util.List<String> unused = new java.util.ArrayList<>(List.of("META-INF/swagger/views/"));
        if (!SEARCHING.contains(function)) {
            unused.addAll(List.of("org/opensearch/", "org/apache/hc/", "uk/sse/kernel/search/"));
        }
        if (WITHOUT_AWS.contains(function)) {
            unused.addAll(List.of(
                    "software/amazon/awssdk/services/",
                    "uk/sse/kernel/dynamo/Items",
                    "uk/sse/kernel/events/EventItems"));
        }
        return entries.stream()
                .filter(name -> unused.stream().anyMatch(name::startsWith))
                .toList();
    }

    /** A native library built for another platform than the functions' Linux arm64 (decision 0055). */
    static boolean otherPlatformNative(String entry) {
        String name = entry.toLowerCase(java.util.Locale.ROOT);
        boolean nativeLibrary =
                name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll") || name.endsWith(".jnilib");
        return nativeLibrary && !name.contains("linux-aarch64/");
    }

    /** The file entries of a jar. */
    static java.util.Set<String> entries(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .filter(e -> !e.isDirectory())
                    .map(ZipEntry::getName)
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
                    try (java.util.zip.ZipInputStream jar =
                            new java.util.zip.ZipInputStream(zip.getInputStream(entry))) {
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

    /**
     * The classes that a jar's service entries name and that the jar does not hold: each file under
     * {@code META-INF/micronaut/<service>/} is named for a generated class (a bean definition, an introspection), and each
     * line of a {@code META-INF/services/} file names a provider. A shade filter that leaves out a class but keeps its
     * entry would fail only when Micronaut or a {@code ServiceLoader} reached it (decision 0115).
     */
    static List<String> missingServiceClasses(Path jar) {
        java.util.Set<String> entries = entries(jar);
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String name : entries) {
                java.util.List<String> named = new java.util.ArrayList<>();
                if (name.startsWith("META-INF/micronaut/") && name.indexOf('/', "META-INF/micronaut/".length()) > 0) {
                    named.add(name.substring(name.lastIndexOf('/') + 1));
                } else if (name.startsWith("META-INF/services/")
                        && name.indexOf('/', "META-INF/services/".length()) < 0) {
                    String text = new String(
                            zip.getInputStream(zip.getEntry(name)).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    text.lines()
                            .map(line -> line.replaceFirst("#.*", "").strip())
                            .filter(line -> !line.isEmpty())
                            .forEach(named::add);
                }
                named.stream()
                        .filter(type -> !entries.contains(type.replace('.', '/') + ".class"))
                        .map(type -> name + " -> " + type)
                        .forEach(missing::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return missing;
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

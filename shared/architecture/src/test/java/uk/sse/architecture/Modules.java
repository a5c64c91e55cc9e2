package uk.sse.architecture;

import java.util.Optional;
import java.util.Set;

/**
 * The modules of the system as their classes' packages name them: {@code uk.sse.<function>..} for each function,
 * and the shared modules beside them. Every top-level package under {@code uk.sse} is one of these (a rule says so),
 * so a new function has to be named here before its classes build.
 */
final class Modules {

    static final Set<String> FUNCTIONS =
            Set.of("directory", "indexer", "ledger", "brokerage", "reporting", "notifier", "web");

    /**
     * contracts: the events as records, plain Java; kernel: in every Lambda; embeddings: the sentence-embedding model,
     * plain Java, in the directory's and the indexer's Lambdas; engines, testing (lambda-testing), local (the local
     * system and its demo data), bench (the benchmarks and the search evaluation): never in one; architecture: these rules.
     */
    static final Set<String> SHARED =
            Set.of("contracts", "kernel", "embeddings", "engines", "testing", "local", "bench", "architecture");

    /** The shared modules whose code must never reach a Lambda artefact. */
    static final Set<String> NOT_IN_A_LAMBDA = Set.of("engines", "testing", "local", "bench");

    /**
     * The kernel's modules (decision 0091): {@code kernel} is plain Java, the others are its adapters. They share the
     * kernel's packages, so a class's module is read from where it was compiled, not from its package.
     */
    static final Set<String> KERNEL_MODULES = Set.of("kernel", "kernel-http", "kernel-aws", "kernel-search");

    private static final java.util.regex.Pattern KERNEL_LOCATION = java.util.regex.Pattern.compile(
            "/shared/(kernel(?:-[a-z]+)?)/target/|/sse-(kernel(?:-[a-z]+)?)-\\d[^/!]*\\.jar!/");

    /** The segments of a function's packages that hold its adapters to HTTP, storage and other functions. */
    static final Set<String> ADAPTERS = Set.of("web", "storage", "remote");

    private Modules() {}

    /** The module's name: the package segment after {@code uk.sse}, if the package is under it. */
    static Optional<String> of(String packageName) {
        if (!packageName.startsWith("uk.sse.")) {
            return Optional.empty();
        }
        String rest = packageName.substring("uk.sse.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    static Optional<String> functionOf(String packageName) {
        return of(packageName).filter(FUNCTIONS::contains);
    }

    /** The package's segments inside its module: {@code uk.sse.ledger.model.x} gives {@code [model, x]}. */
    static String[] inside(String packageName) {
        String[] segments = packageName.split("\\.");
        return segments.length <= 3 ? new String[0] : java.util.Arrays.copyOfRange(segments, 3, segments.length);
    }

    /**
     * The class a name stands for in the source: Micronaut's compile-time classes for {@code a.b.ReadReports}
     * ({@code a.b.$ReadReports$Definition}, {@code ...$Definition$Exec}) are named after it.
     */
    static String writtenClassOf(String className) {
        int dot = className.lastIndexOf('.');
        String simple = className.substring(dot + 1);
        if (!simple.startsWith("$") || simple.indexOf('$', 1) < 0) {
            return className;
        }
        return className.substring(0, dot + 1) + simple.substring(1, simple.indexOf('$', 1));
    }

    /** A function's adapter package: one of its segments (after the function's own name) is web, storage or remote. */
    static boolean isAdapter(String packageName) {
        return functionOf(packageName).isPresent()
                && java.util.Arrays.stream(inside(packageName)).anyMatch(ADAPTERS::contains);
    }

    /** A function's model or application package (the inside of the hexagon). */
    static boolean isModelOrApplication(String packageName) {
        return functionOf(packageName).isPresent()
                && java.util.Arrays.stream(inside(packageName))
                        .anyMatch(s -> s.equals("model") || s.equals("application"));
    }

    /**
     * The kernel module whose classes folder or jar a class file was loaded from ({@code kernel-aws} for
     * {@code .../shared/kernel-aws/target/classes/...} or {@code .../sse-kernel-aws-0.1.0-SNAPSHOT.jar!/...}).
     */
    static Optional<String> kernelModuleAt(String location) {
        java.util.regex.Matcher matcher = KERNEL_LOCATION.matcher(location);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2))
                .filter(KERNEL_MODULES::contains);
    }
}

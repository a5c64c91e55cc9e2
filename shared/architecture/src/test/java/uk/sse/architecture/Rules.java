package uk.sse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The allowed dependencies between the modules (docs/architecture.md, "Allowed dependencies"; decision 0090).
 * {@link ArchitectureTest} checks them on every function's, the kernel's, the local system's and the benchmarks' classes;
 * {@link RulesCatchViolationsTest} shows each failing on a class that breaks it.
 */
final class Rules {

    /** What a model may not reach, directly or through a class it uses: frameworks, AWS, OpenSearch, JSON, JDBC. */
    static final String[] FRAMEWORKS = {
        "io.micronaut..",
        "jakarta..",
        "io.netty..",
        "reactor..",
        "software.amazon..",
        "com.amazonaws..",
        "org.opensearch..",
        "org.apache.hc..",
        "com.fasterxml.jackson..",
        "java.sql..",
        "javax.sql..",
        "org.postgresql..",
        "org.flywaydb..",
    };

    /**
     * Dependencies that break {@link #ADAPTERS_STAY_OUTSIDE} today, each with why it is left for now. The list only
     * shrinks: {@link ArchitectureTest} fails when one is no longer needed, so a fix removes its line.
     */
    static final List<Allowed> KNOWN_ADAPTER_DEPENDENCIES = List.of(new Allowed(
            "uk.sse.reporting.application.ReadReports",
            "uk.sse.reporting.storage",
            "the reports' use case calls ReportQueries (explicit SQL) and uses its row records directly, with no"
                    + " port between them; giving it one is reporting's own change (issue 19, item 5)"));

    /**
     * Kernel adapters that model or application classes use today, each with why it is left for now. None is left: each
     * use became a plain port in sse-kernel that sse-kernel-http implements ({@code AreaMetrics}, {@code EnvelopeText},
     * {@code Correlated}) or a plain record that its configuration binding yields ({@code AreaDefinition}). Keep it
     * empty: a new use is a new port, not an entry here.
     */
    static final List<Allowed> KNOWN_KERNEL_ADAPTER_USES = List.of();

    static final ArchRule MODELS_ARE_PLAIN_JAVA = noClasses()
            .that()
            .resideInAPackage("uk.sse..model..")
            .should()
            .transitivelyDependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS)
            .because(
                    "a model is plain Java: records, sealed interfaces and state machines, testable without a framework");

    static final ArchRule CONTRACTS_ARE_PLAIN_JAVA = classes()
            .that(areInModule("contracts"))
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "uk.sse.contracts..")
            .because("every function may build and read the contracts: they need nothing but the JDK");

    static final ArchRule FUNCTIONS_ARE_INDEPENDENT = classes()
            .that(areInAFunction())
            .should(haveNoDependency(
                    "depend on no other function's classes",
                    (origin, target) -> Modules.functionOf(target.getPackageName())
                            .filter(other -> !other.equals(
                                    Modules.functionOf(origin.getPackageName()).orElseThrow()))
                            .isPresent(),
                    List.of()))
            .because("functions meet only through HTTP and their events (the contracts), never each other's code");

    static final ArchRule ADAPTERS_STAY_OUTSIDE = adaptersStayOutside(KNOWN_ADAPTER_DEPENDENCIES);

    static final ArchRule INSIDE_USES_THE_PLAIN_KERNEL = insideUsesThePlainKernel(KNOWN_KERNEL_ADAPTER_USES);

    static final ArchRule NO_LOCAL_CODE_IN_A_LAMBDA = noClasses()
            .that(areInAFunction().or(areInModule("kernel")))
            .should()
            .dependOnClassesThat(areInAnyOf(Modules.NOT_IN_A_LAMBDA))
            .because("the embedded engines, the test support, the demo data and the benchmarks never reach a Lambda");

    static final ArchRule KERNEL_KNOWS_NO_FUNCTION = noClasses()
            .that(areInModule("kernel"))
            .should()
            .dependOnClassesThat(areInAFunction())
            .because("the kernel is shared by every function and depends on none");

    static final ArchRule EVERY_PACKAGE_IS_A_KNOWN_MODULE = classes()
            .that()
            .resideInAPackage("uk.sse..")
            .should(new ArchCondition<>("be in a function or a shared module named in Modules") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String module = Modules.of(item.getPackageName()).orElse("");
                    if (!Modules.FUNCTIONS.contains(module) && !Modules.SHARED.contains(module)) {
                        events.add(SimpleConditionEvent.violated(
                                item, item.getName() + " is in no module the rules know"));
                    }
                }
            })
            .because("the rules can only keep modules apart that they know of");

    private Rules() {}

    /** Model and application packages use no web, storage or remote adapter, but for the dependencies allowed. */
    static ArchRule adaptersStayOutside(List<Allowed> allowed) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are in a model or application package",
                        (JavaClass c) -> Modules.isModelOrApplication(c.getPackageName())))
                .should(haveNoDependency(
                        "use no web, storage or remote adapter",
                        (origin, target) -> Modules.isAdapter(target.getPackageName()),
                        allowed))
                .because("adapters depend on the use cases and the model, never the other way round");
    }

    /**
     * Model and application classes use, of the kernel, only sse-kernel (plain Java), never its adapter modules
     * (sse-kernel-http, -aws, -search), but for the uses allowed. The kernel's modules share its packages, so the
     * module is read from where each class was compiled (decision 0091).
     */
    static ArchRule insideUsesThePlainKernel(List<Allowed> allowed) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are in a model or application package",
                        (JavaClass c) -> Modules.isModelOrApplication(c.getPackageName())))
                .should(haveNoDependency(
                        "use of the kernel only sse-kernel, none of its adapter modules",
                        (origin, target) -> kernelModuleOf(target)
                                .filter(m -> !m.equals("kernel"))
                                .isPresent(),
                        allowed))
                .because("the model and the use cases are plain Java; the framework and AWS stay in the adapters");
    }

    /** The kernel module a class was compiled in, if it is the kernel's. */
    static java.util.Optional<String> kernelModuleOf(JavaClass c) {
        return c.getSource()
                .flatMap(source -> Modules.kernelModuleAt(source.getUri().toString()));
    }

    static DescribedPredicate<JavaClass> areInAFunction() {
        return DescribedPredicate.describe(
                "are in a function",
                (JavaClass c) -> Modules.functionOf(c.getPackageName()).isPresent());
    }

    static DescribedPredicate<JavaClass> areInModule(String module) {
        return DescribedPredicate.describe(
                "are in the " + module,
                (JavaClass c) ->
                        Modules.of(c.getPackageName()).filter(module::equals).isPresent());
    }

    static DescribedPredicate<JavaClass> areInAnyOf(java.util.Set<String> modules) {
        return DescribedPredicate.describe(
                "are in " + String.join(", ", new java.util.TreeSet<>(modules)),
                (JavaClass c) ->
                        Modules.of(c.getPackageName()).filter(modules::contains).isPresent());
    }

    /** A condition failing on each dependency of a class that is forbidden and not allowed by name. */
    static ArchCondition<JavaClass> haveNoDependency(
            String description, BiPredicate<JavaClass, JavaClass> forbidden, List<Allowed> allowed) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    if (forbidden.test(item, dependency.getTargetClass())
                            && allowed.stream().noneMatch(a -> a.covers(dependency))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * A named exception: the class, its nested classes and what Micronaut generates for it ({@code $ReadReports$Definition})
     * may depend on the package, for the reason given.
     */
    record Allowed(String originClass, String targetPackage, String reason) {

        boolean covers(Dependency dependency) {
            String origin = Modules.writtenClassOf(dependency.getOriginClass().getName());
            String target = dependency.getTargetClass().getPackageName();
            return (origin.equals(originClass) || origin.startsWith(originClass + "$"))
                    && (target.equals(targetPackage) || target.startsWith(targetPackage + "."));
        }
    }
}

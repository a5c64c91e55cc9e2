package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules over the production classes of every function, the kernel, the local system and the benchmarks (test classes excluded:
 * a consumer's tests may use its producer's code to make real events).
 */
@AnalyzeClasses(packages = "uk.sse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelsArePlainJava = Rules.MODELS_ARE_PLAIN_JAVA;

    @ArchTest
    static final ArchRule contractsArePlainJava = Rules.CONTRACTS_ARE_PLAIN_JAVA;

    @ArchTest
    static final ArchRule functionsAreIndependent = Rules.FUNCTIONS_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule adaptersStayOutside = Rules.ADAPTERS_STAY_OUTSIDE;

    @ArchTest
    static final ArchRule insideUsesThePlainKernel = Rules.INSIDE_USES_THE_PLAIN_KERNEL;

    @ArchTest
    static final ArchRule noLocalCodeInALambda = Rules.NO_LOCAL_CODE_IN_A_LAMBDA;

    @ArchTest
    static final ArchRule kernelKnowsNoFunction = Rules.KERNEL_KNOWS_NO_FUNCTION;

    @ArchTest
    static final ArchRule everyPackageIsAKnownModule = Rules.EVERY_PACKAGE_IS_A_KNOWN_MODULE;

    /** Each named exception is still needed: once its dependency is gone, its line must go too. */
    @ArchTest
    static void everyKnownAdapterDependencyIsStillThere(JavaClasses production) {
        for (Rules.Allowed allowed : Rules.KNOWN_ADAPTER_DEPENDENCIES) {
            var withoutIt = Rules.adaptersStayOutside(Rules.KNOWN_ADAPTER_DEPENDENCIES.stream()
                    .filter(other -> other != allowed)
                    .toList());
            List<String> violations =
                    withoutIt.evaluate(production).getFailureReport().getDetails();
            assertThat(violations)
                    .as(
                            "%s no longer depends on %s: remove it from Rules.KNOWN_ADAPTER_DEPENDENCIES",
                            allowed.originClass(), allowed.targetPackage())
                    .anyMatch(line ->
                            line.contains("<" + allowed.originClass()) && line.contains(allowed.targetPackage()));
        }
    }

    /** The same for the kernel adapters the model and application classes may still use. */
    @ArchTest
    static void everyKnownKernelAdapterUseIsStillThere(JavaClasses production) {
        for (Rules.Allowed allowed : Rules.KNOWN_KERNEL_ADAPTER_USES) {
            var withoutIt = Rules.insideUsesThePlainKernel(Rules.KNOWN_KERNEL_ADAPTER_USES.stream()
                    .filter(other -> other != allowed)
                    .toList());
            List<String> violations =
                    withoutIt.evaluate(production).getFailureReport().getDetails();
            assertThat(violations)
                    .as(
                            "%s no longer uses a kernel adapter in %s: remove it from Rules.KNOWN_KERNEL_ADAPTER_USES",
                            allowed.originClass(), allowed.targetPackage())
                    .anyMatch(line ->
                            line.contains("<" + allowed.originClass()) && line.contains(allowed.targetPackage()));
        }
    }

    /** The rule sees the kernel's modules: the classes it judges were compiled in all four. */
    @ArchTest
    static void theKernelsClassesAreFoundInTheirModules(JavaClasses production) {
        assertThat(production.stream()
                        .filter(c -> c.getPackageName().startsWith("uk.sse.kernel."))
                        .map(Rules::kernelModuleOf)
                        .flatMap(java.util.Optional::stream)
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(Modules.KERNEL_MODULES);
        assertThat(production.get("uk.sse.kernel.dynamo.StoreBusy"))
                .satisfies(c -> assertThat(Rules.kernelModuleOf(c)).contains("kernel"));
        assertThat(production.get("uk.sse.kernel.dynamo.Items"))
                .satisfies(c -> assertThat(Rules.kernelModuleOf(c)).contains("kernel-aws"));
    }
}

package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a class written to break it (the {@code deliberate} packages of this module's tests, which
 * {@link ArchitectureTest} does not import), so a rule that could never fail would show here.
 */
class RulesCatchViolationsTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importPackages(
                    "uk.sse.ledger.model.deliberate",
                    "uk.sse.kernel.deliberate",
                    "uk.sse.notifier.deliberate",
                    "uk.sse.ledger.application.deliberate",
                    "uk.sse.reporting.application.deliberate",
                    "uk.sse.web.deliberate",
                    "uk.sse.unheard.deliberate",
                    "uk.sse.contracts.deliberate");

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation())
                .as("%s finds its deliberate violation", rule.getDescription())
                .isTrue();
        return result.getFailureReport().getDetails();
    }

    @Test
    void aModelUsingTheFrameworkFails() {
        assertThat(violations(Rules.MODELS_ARE_PLAIN_JAVA))
                .anyMatch(line -> line.contains("MicronautInAModel") && line.contains("io.micronaut"));
    }

    @Test
    void aModelReachingJdbcThroughAnotherClassFails() {
        assertThat(violations(Rules.MODELS_ARE_PLAIN_JAVA))
                .anyMatch(line -> line.contains("JdbcThroughAHelper") && line.contains("java.sql.Connection"));
    }

    @Test
    void aContractUsingTheKernelFails() {
        assertThat(violations(Rules.CONTRACTS_ARE_PLAIN_JAVA))
                .anyMatch(line ->
                        line.contains("InTheKernelsEnvelope") && line.contains("uk.sse.kernel.events.EventEnvelope"));
    }

    @Test
    void aFunctionUsingAnotherFunctionsClassesFails() {
        assertThat(violations(Rules.FUNCTIONS_ARE_INDEPENDENT))
                .anyMatch(
                        line -> line.contains("ReadsTheLedgersModel") && line.contains("uk.sse.ledger.model.Transfer"))
                // the kernel is no function: its deliberate class is left to KERNEL_KNOWS_NO_FUNCTION
                .noneMatch(line -> line.contains("KnowsTheLedger"));
    }

    @Test
    void aUseCaseNamingAnAdapterFails() {
        assertThat(violations(Rules.ADAPTERS_STAY_OUTSIDE))
                .anyMatch(line -> line.contains("CallsTheStoreItself") && line.contains("DynamoLedgerStore"))
                .anyMatch(line -> line.contains("ReadsItsQueries") && line.contains("ReportQueries"));
    }

    @Test
    void aNamedExceptionCoversOnlyItsOwnClass() {
        ArchRule allowingIt = Rules.adaptersStayOutside(List.of(new Rules.Allowed(
                "uk.sse.reporting.application.deliberate.ReadsItsQueries", "uk.sse.reporting.storage", "a test")));
        assertThat(violations(allowingIt))
                .noneMatch(line -> line.contains("ReadsItsQueries"))
                .anyMatch(line -> line.contains("CallsTheStoreItself"));
    }

    @Test
    void aUseCaseUsingAKernelAdapterFailsAndThePlainKernelInTheSamePackageDoesNot() {
        assertThat(violations(Rules.INSIDE_USES_THE_PLAIN_KERNEL))
                .anyMatch(line -> line.contains("WritesItsItemsItself") && line.contains("uk.sse.kernel.dynamo.Items"))
                .anyMatch(line -> line.contains("AnswersItself") && line.contains("uk.sse.kernel.http.Responses"))
                .noneMatch(line -> line.contains("type <uk.sse.kernel.dynamo.StoreBusy>")
                        || line.contains("type <uk.sse.kernel.outcome.Outcome>"));
    }

    @Test
    void aFunctionReachingTheDemoDataFails() {
        assertThat(violations(Rules.NO_LOCAL_CODE_IN_A_LAMBDA))
                .anyMatch(line -> line.contains("UsesTheDemoData") && line.contains("uk.sse.local.demo.DemoDirectory"));
    }

    @Test
    void theKernelUsingAFunctionFails() {
        assertThat(violations(Rules.KERNEL_KNOWS_NO_FUNCTION))
                .anyMatch(line -> line.contains("KnowsTheLedger") && line.contains("uk.sse.ledger.model.Transfer"));
    }

    @Test
    void aModuleTheRulesDoNotKnowFails() {
        assertThat(violations(Rules.EVERY_PACKAGE_IS_A_KNOWN_MODULE)).anyMatch(line -> line.contains("uk.sse.unheard"));
    }
}

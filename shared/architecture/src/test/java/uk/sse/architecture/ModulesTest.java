package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModulesTest {

    @Test
    void aPackageBelongsToTheModuleItsThirdSegmentNames() {
        assertThat(Modules.functionOf("uk.sse.ledger.model")).contains("ledger");
        assertThat(Modules.functionOf("uk.sse.kernel.web")).isEmpty();
        assertThat(Modules.of("uk.sse.kernel.web")).contains("kernel");
        assertThat(Modules.of("org.opensearch.client")).isEmpty();
        assertThat(Modules.of("uk.sse.bench.eval")).contains("bench");
        assertThat(Modules.NOT_IN_A_LAMBDA).contains("local", "bench");
    }

    @Test
    void adaptersAreAFunctionsWebStorageAndRemotePackagesAtAnyDepth() {
        assertThat(Modules.isAdapter("uk.sse.brokerage.remote")).isTrue();
        assertThat(Modules.isAdapter("uk.sse.directory.imports.storage")).isTrue();
        // the web function's own name is not an adapter segment, nor is the kernel's web package (page paths)
        assertThat(Modules.isAdapter("uk.sse.web.visit")).isFalse();
        assertThat(Modules.isAdapter("uk.sse.kernel.web")).isFalse();
        assertThat(Modules.isModelOrApplication("uk.sse.ledger.application")).isTrue();
        assertThat(Modules.isModelOrApplication("uk.sse.ledger.storage")).isFalse();
    }

    @Test
    void micronautsGeneratedClassesStandForTheClassTheyWereMadeFor() {
        assertThat(Modules.writtenClassOf("uk.sse.reporting.application.$ReadReports$Definition"))
                .isEqualTo("uk.sse.reporting.application.ReadReports");
        assertThat(Modules.writtenClassOf("uk.sse.reporting.application.$ReadReports$Definition$Exec"))
                .isEqualTo("uk.sse.reporting.application.ReadReports");
        assertThat(Modules.writtenClassOf("uk.sse.reporting.application.ReadReports$Rows"))
                .isEqualTo("uk.sse.reporting.application.ReadReports$Rows");
    }

    @Test
    void aKernelClassBelongsToTheModuleItWasCompiledIn() {
        assertThat(Modules.kernelModuleAt("file:/w/shared/kernel/target/classes/uk/sse/kernel/ids/Ids.class"))
                .contains("kernel");
        assertThat(Modules.kernelModuleAt("file:/w/shared/kernel-aws/target/classes/uk/sse/kernel/dynamo/Items.class"))
                .contains("kernel-aws");
        assertThat(
                        Modules.kernelModuleAt(
                                "jar:file:/w/shared/kernel-http/target/sse-kernel-http-0.1.0-SNAPSHOT.jar!/uk/sse/kernel/http/Responses.class"))
                .contains("kernel-http");
        assertThat(
                        Modules.kernelModuleAt(
                                "jar:file:/m2/uk/sse/sse-kernel/0.1.0-SNAPSHOT/sse-kernel-0.1.0-SNAPSHOT.jar!/uk/sse/kernel/ids/Ids.class"))
                .contains("kernel");
        assertThat(Modules.kernelModuleAt(
                        "file:/w/shared/architecture/target/test-classes/uk/sse/kernel/deliberate/JdbcHelper.class"))
                .isEmpty();
        assertThat(
                        Modules.kernelModuleAt(
                                "jar:file:/w/functions/ledger/target/sse-ledger-0.1.0-SNAPSHOT.jar!/uk/sse/ledger/model/Ledger.class"))
                .isEmpty();
    }
}

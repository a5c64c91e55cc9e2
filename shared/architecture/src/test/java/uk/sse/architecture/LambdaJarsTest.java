package uk.sse.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar check finds what must not ship, and only that (LambdaJarsIT runs it on the real jars). */
class LambdaJarsTest {

    @Test
    void findsTheLocalRunTheEnginesAndTheDemoDataInAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("sse-ledger-lambda.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : new String[] {
                "uk/sse/ledger/model/Ledger.class",
                "uk/sse/bench/LedgerBenchmark.class",
                "demo/edubase-sample.csv",
                "com/amazonaws/services/dynamodbv2/local/main/ServerRunner.class",
                "uk/sse/kernel/ids/Ids.class",
                "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class"
            }) {
                zip.putNextEntry(new ZipEntry(name));
                zip.closeEntry();
            }
        }

        assertThat(LambdaJars.forbiddenEntries(jar))
                .containsExactly(
                        "uk/sse/bench/LedgerBenchmark.class",
                        "demo/edubase-sample.csv",
                        "com/amazonaws/services/dynamodbv2/local/main/ServerRunner.class");
    }

    @Test
    void findsTheKernelAdaptersAFunctionDoesNotUse() {
        java.util.List<String> entries = java.util.List.of(
                "org/opensearch/client/opensearch/OpenSearchClient.class",
                "uk/sse/kernel/search/SearchIndices.class",
                "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
                "uk/sse/kernel/ids/Ids.class",
                "META-INF/swagger/ledger.yml",
                "META-INF/swagger/views/swagger-ui/index.html");

        assertThat(LambdaJars.unusedAdapterEntries("ledger", entries))
                .containsExactly(
                        "org/opensearch/client/opensearch/OpenSearchClient.class",
                        "uk/sse/kernel/search/SearchIndices.class",
                        "META-INF/swagger/views/swagger-ui/index.html");
        assertThat(LambdaJars.unusedAdapterEntries("directory", entries))
                .containsExactly("META-INF/swagger/views/swagger-ui/index.html");
        assertThat(LambdaJars.unusedAdapterEntries("web", entries))
                .contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class");
    }
}

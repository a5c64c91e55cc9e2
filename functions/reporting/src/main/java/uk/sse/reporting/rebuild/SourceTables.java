package uk.sse.reporting.rebuild;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The publishers' tables a rebuild scans, named as each publisher's own configuration names them (in the local run all
 * functions share one configuration; elsewhere set them, e.g. {@code SSE_BROKERAGE_TABLE_NAME}).
 */
public record SourceTables(String brokerage, String ledger, String directory) {

    @Factory
    static class FromConfiguration {
        @Singleton
        SourceTables sourceTables(
                @Value("${sse.brokerage.table-name:sse-brokerage}") String brokerage,
                @Value("${sse.ledger.table-name:sse-ledger}") String ledger,
                @Value("${sse.directory.table-name:sse-directory}") String directory) {
            return new SourceTables(brokerage, ledger, directory);
        }
    }
}

package uk.sse.reporting.rebuild;

import io.micronaut.context.ApplicationContext;

/**
 * {@code java -cp sse-reporting-*-lambda.jar uk.sse.reporting.rebuild.RebuildCommand}: rebuilds the read model from the
 * publishers' tables, configured like the function (SSE_REPORTING_JDBC_URL and credentials, AWS_REGION or
 * SSE_AWS_ENDPOINT) plus the tables' names (SSE_BROKERAGE_TABLE_NAME, SSE_LEDGER_TABLE_NAME, SSE_DIRECTORY_TABLE_NAME).
 */
public final class RebuildCommand {

    private RebuildCommand() {}

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run()) {
            System.out.println(context.getBean(RebuildReadModel.class).rebuild());
        }
    }
}

package uk.sse.ledger.history;

import io.micronaut.context.ApplicationContext;
import uk.sse.ledger.storage.LedgerHistory;

/**
 * {@code java -cp sse-ledger-*-lambda.jar uk.sse.ledger.history.PublishHistoryCommand}: publishes the events of the
 * accounts and transfers made before the ledger published events (decision 0096), configured like the function
 * (SSE_LEDGER_TABLE_NAME, AWS_REGION or SSE_AWS_ENDPOINT). Safe to run again.
 */
public final class PublishHistoryCommand {

    private PublishHistoryCommand() {}

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run()) {
            System.out.println(context.getBean(LedgerHistory.class).publish());
        }
    }
}

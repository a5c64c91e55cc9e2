package uk.sse.ledger.web;

import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import uk.sse.engines.Engines;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

import java.util.Map;
import java.util.UUID;

/**
 * Base of the tests that go through the ledger's Lambda handler (API Gateway HTTP API payload 2.0) against the
 * embedded DynamoDB. Each test class gets a table of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerLambdaTest implements TestPropertyProvider {

    @Inject protected Api api;
    @Inject protected Tokens tokens;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "sse.aws.endpoint", Engines.dynamo().endpoint().toString(),
                "sse.aws.create-tables", "true",
                "sse.ledger.table-name", "ledger-" + getClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}

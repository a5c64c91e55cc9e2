package uk.sse.ledger.web;

import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import uk.sse.engines.Engines;
import uk.sse.testing.Api;
import uk.sse.testing.TableProperties;
import uk.sse.testing.Tokens;

/**
 * Base of the tests that go through the ledger's Lambda handler (API Gateway HTTP API payload 2.0) against the
 * embedded DynamoDB. Each test class gets a table of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerLambdaTest implements TestPropertyProvider {

    @Inject
    protected Api api;

    @Inject
    protected Tokens tokens;

    @Override
    public Map<String, String> getProperties() {
        return TableProperties.fresh(
                Engines.dynamo().endpoint().toString(), "sse.ledger.table-name", "ledger", getClass());
    }
}

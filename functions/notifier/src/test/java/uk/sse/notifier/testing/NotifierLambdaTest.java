package uk.sse.notifier.testing;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.sse.engines.Engines;
import uk.sse.kernel.events.EventJson;
import uk.sse.notifier.NotifierSettings;
import uk.sse.testing.Api;
import uk.sse.testing.SettableClock;
import uk.sse.testing.TableProperties;
import uk.sse.testing.Tokens;

/**
 * Base of the tests through the notifier's Lambda handlers (API Gateway HTTP API payload 2.0) against the embedded
 * DynamoDB, with a real receiver on loopback, allow-listed (and nothing else). Each test class has a table of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NotifierLambdaTest implements TestPropertyProvider {

    protected final Receiver receiver = Receiver.start();
    private Map<String, String> properties;
    private Pipeline pipeline;
    private BrokerageTable brokerage;

    @Inject
    protected Api api;

    @Inject
    protected Tokens tokens;

    @Inject
    protected DynamoDbClient dynamo;

    @Inject
    protected EventJson eventJson;

    @Inject
    protected JsonMapper json;

    @Inject
    protected SettableClock clock;

    @Inject
    protected NotifierSettings settings;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            Map<String, String> p = new HashMap<>(TableProperties.fresh(
                    Engines.dynamo().endpoint().toString(), "sse.notifier.table-name", "notifier", getClass()));
            p.put("sse.notifier.local-receivers", receiver.origin());
            p.putAll(extra());
            properties = Map.copyOf(p);
        }
        return properties;
    }

    /** More configuration for the class: timeouts, the schedule, limits. */
    protected Map<String, String> extra() {
        return Map.of();
    }

    protected Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = new Pipeline(new HashMap<>(getProperties()), settings.tableName());
        }
        return pipeline;
    }

    protected BrokerageTable brokerage() {
        if (brokerage == null) {
            brokerage = BrokerageTable.create(dynamo, eventJson);
        }
        return brokerage;
    }

    protected Notifiers notifiers() {
        return new Notifiers(api, tokens);
    }

    @AfterAll
    void closeAll() {
        clock.reset();
        receiver.close();
        if (pipeline != null) {
            pipeline.close();
        }
        if (brokerage != null) {
            brokerage.close();
        }
    }
}

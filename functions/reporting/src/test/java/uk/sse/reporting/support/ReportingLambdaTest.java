package uk.sse.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import uk.sse.kernel.identity.Role;
import uk.sse.reporting.projection.ProjectEvents;
import uk.sse.testing.Api;
import uk.sse.testing.Tokens;

/**
 * Base of the tests that go through the reporting function's Lambda handlers: the API (through the API Gateway v2
 * handler behind {@link Api}) and the stream consumer ({@link ProjectEvents}, in an application context of its own, as
 * its Lambda runs), both on a read-model schema of the test class's own in the embedded PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReportingLambdaTest implements TestPropertyProvider {

    @Inject
    protected Api api;

    @Inject
    protected Tokens tokens;

    @Inject
    protected ApplicationContext context;

    private final Map<String, String> properties = ReadModelProperties.fresh();
    private ProjectEvents handler;

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    /** The stream consumer's Lambda handler on this class's schema, started on first use. */
    protected synchronized ProjectEvents handler() {
        if (handler == null) {
            handler = new ProjectEvents(
                    ApplicationContext.builder().environments("test").properties(new HashMap<>(properties)));
        }
        return handler;
    }

    /** Hands the records to the stream handler in batches of {@code batchSize}, as an event source mapping would. */
    protected void project(List<DynamodbStreamRecord> records, int batchSize) {
        for (int from = 0; from < records.size(); from += batchSize) {
            StreamsEventResponse response = handler()
                    .handleRequest(
                            StreamRecords.event(records.subList(from, Math.min(records.size(), from + batchSize))),
                            null);
            assertThat(response.getBatchItemFailures())
                    .as("records the handler could not apply")
                    .isEmpty();
        }
    }

    protected String commissioner(String area) {
        return tokens.bearer(Role.COMMISSIONER, area, "la-" + area);
    }

    protected String admin(String area) {
        return tokens.bearer(Role.ADMIN, area, "la-" + area);
    }

    protected Api.Reply get(String uri, String bearer) {
        return api.get(uri, bearer);
    }

    protected Api.Reply csv(String uri, String bearer) {
        return api.send(Api.auth(HttpRequest.GET(uri), bearer).header("Accept", "text/csv"));
    }

    @AfterAll
    void closeHandler() {
        if (handler != null) {
            handler.close();
        }
    }
}

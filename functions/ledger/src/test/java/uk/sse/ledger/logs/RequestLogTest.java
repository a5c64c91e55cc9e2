package uk.sse.ledger.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import uk.sse.kernel.identity.Role;
import uk.sse.ledger.web.LedgerLambdaTest;
import uk.sse.testing.LambdaInstance;
import uk.sse.testing.LogCapture;
import uk.sse.testing.TestLambdaContext;

/**
 * What an operator reads in the ledger's log group for one request through the Lambda handler, encoded as in AWS:
 * one JSON line naming the request (API Gateway's id and Lambda's), the X-Ray trace, the correlation id the caller
 * sent (or one made for it, and answered), the function and the caller; never the token.
 */
@MicronautTest(environments = "test")
class RequestLogTest extends LedgerLambdaTest {

    static final String TRACE = "Root=1-6789abcd-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";

    @Inject
    ApplicationContext context;

    @Inject
    JsonMapper json;

    LambdaInstance ledger;

    @BeforeAll
    void start() {
        ledger = LambdaInstance.like(context, Map.of());
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @AfterEach
    void forgetTheInvocation() {
        System.clearProperty("com.amazonaws.xray.traceHeader");
        MDC.clear();
    }

    @Test
    void aRequestsLineNamesTheRequestTheTraceTheCorrelationAndTheCallerButNeverTheToken() {
        String token = tokens.bearer(Role.COMMISSIONER, "888", "la-888");
        System.setProperty("com.amazonaws.xray.traceHeader", TRACE);
        try (LogCapture logs = LogCapture.start()) {
            var response = ledger.handle(
                    "POST",
                    "/accounts",
                    headers(token, "visit-42/raise"),
                    "{\"area\":\"888\",\"owner\":\"ISSUING\"}",
                    new TestLambdaContext("lambda-invocation-1", "sse-dev-ledger-api"));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            assertThat(header(response.getHeaders(), "X-Correlation-Id")).isEqualTo("visit-42/raise");

            Map<String, Object> line = accessLine(logs, "visit-42/raise");
            assertThat(line).containsEntry("level", "INFO").containsKey("timestamp");
            assertThat((String) line.get("formattedMessage")).startsWith("POST /accounts answered 201 in ");
            assertThat(mdc(line))
                    .containsEntry("AWSRequestId", "lambda-invocation-1")
                    .containsEntry("AWS-XRAY-TRACE-ID", "1-6789abcd-0123456789abcdef01234567")
                    .containsEntry("function", "ledger")
                    .containsEntry("caller", "commissioner-888-la-888")
                    .containsEntry("role", "COMMISSIONER")
                    .containsEntry("area", "888");
            assertThat((String) mdc(line).get("requestId"))
                    .as("API Gateway's request id")
                    .startsWith("test-");
            String jwt = token.substring("Bearer ".length());
            assertThat(logs.lines())
                    .isNotEmpty()
                    .noneMatch(l -> l.contains(jwt)
                            || l.contains(jwt.substring(0, jwt.indexOf('.')))
                            || l.toLowerCase().contains("bearer"));
        }
    }

    @Test
    void aRequestWithoutAnAcceptableCorrelationIdIsGivenOneAndTheRefusedAreLoggedToo() {
        try (LogCapture logs = LogCapture.start()) {
            var made = ledger.handle("GET", "/accounts/888/ISSUING", Map.of(), null);
            assertThat(made.getStatusCode()).isEqualTo(401);
            String id = header(made.getHeaders(), "X-Correlation-Id");
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(mdc(accessLine(logs, id)))
                    .containsEntry("function", "ledger")
                    .doesNotContainKey("caller");

            var replaced = ledger.handle(
                    "GET",
                    "/accounts/888/ISSUING",
                    headers(tokens.bearer(Role.COMMISSIONER, "888", null), "<script>alert(1)</script> forged line"),
                    null);
            String given = header(replaced.getHeaders(), "X-Correlation-Id");
            assertThat(given).matches("[0-9a-f-]{36}");
            assertThat(logs.lines()).noneMatch(l -> l.contains("script") || l.contains("forged line"));
            assertThat(accessLine(logs, given)).isNotNull();
        }
    }

    private Map<String, Object> accessLine(LogCapture logs, String correlationId) {
        List<Map<String, Object>> lines = logs.records(json).stream()
                .filter(l -> "uk.sse.access".equals(l.get("loggerName"))
                        && correlationId.equals(mdc(l).get("correlationId")))
                .toList();
        assertThat(lines)
                .as("the access line of %s in %s", correlationId, logs.lines())
                .hasSize(1);
        return lines.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mdc(Map<String, Object> line) {
        return (Map<String, Object>) line.getOrDefault("mdc", Map.of());
    }

    private static Map<String, String> headers(String bearer, String correlationId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", bearer);
        headers.put("content-type", "application/json");
        headers.put("x-correlation-id", correlationId);
        return headers;
    }

    private static String header(Map<String, String> headers, String name) {
        return headers == null
                ? null
                : headers.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
    }
}

package uk.sse.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.sse.testing.Api;
import uk.sse.testing.LambdaInstance;

/**
 * Issue 13, point 7, at the ledger's edge, through the Lambda handler: text no store can hold, more after the JSON
 * value, no or the wrong media type, unknown query parameters. Each is a 4xx naming what is wrong, and nothing changes.
 */
@MicronautTest
class LedgerEdgeTest extends LedgerLambdaTest {

    static final String AREA = "888";

    @Inject
    Ledgers ledgers;

    @Inject
    ApplicationContext context;

    LambdaInstance lambda;
    String school;

    @BeforeAll
    void fund() {
        ledgers.open(AREA, "100001", "prv_hub");
        ledgers.allocate("edge-fund", AREA + "/100001", 50);
        school = ledgers.school(AREA, "100001");
        lambda = LambdaInstance.like(context, Map.of());
    }

    @AfterAll
    void close() {
        lambda.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a NUL                | pay\\u0000ment        | NUL",
                "a lone surrogate     | pay\\ud800ment        | surrogate",
                "an escape character  | \\u001b[31mred        | control character",
                "a C1 control         | pay\\u0085ment        | control character",
                "a line break         | line one\\nline two   | one line"
            })
    void textNoStoreCanHoldIsRefusedNamingItsField(String what, String escaped, String why) {
        Map<String, Object> before = ledgers.state(AREA);
        String body = "{\"id\":\"edge-" + what.hashCode()
                + "\",\"debit\":\"888/100001\",\"credit\":\"888/prv_hub\",\"amount\":1,"
                + "\"kind\":\"PAYMENT\",\"reference\":\"" + escaped + "\"}";
        Api.Reply reply = lambda.send("POST", "/transfers", school, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.problemFields()).containsExactly("/reference");
        assertThat(reply.body()).contains(why);
        assertThat(ledgers.state(AREA)).isEqualTo(before);
    }

    @Test
    void moreAfterTheJsonValueIsRefused() {
        Map<String, Object> before = ledgers.state(AREA);
        String valid =
                "{\"id\":\"edge-trailing\",\"debit\":\"888/100001\",\"credit\":\"888/prv_hub\",\"amount\":1,\"kind\":\"PAYMENT\"}";
        for (String body : new String[] {valid + " {\"b\":2}", valid + " garbage", valid + "]", "[" + valid + "] 1"}) {
            Api.Reply reply = lambda.send("POST", "/transfers", school, body);
            assertThat(reply.status()).as(body + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.problemFields()).as(body).containsExactly("body");
        }
        assertThat(ledgers.state(AREA)).isEqualTo(before);
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIsA415() {
        Map<String, Object> before = ledgers.state(AREA);
        String body =
                "{\"id\":\"edge-media\",\"debit\":\"888/100001\",\"credit\":\"888/prv_hub\",\"amount\":1,\"kind\":\"PAYMENT\"}";
        for (String type : new String[] {
            null, "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded"
        }) {
            Map<String, String> headers = new HashMap<>(Map.of("authorization", school));
            if (type != null) {
                headers.put("content-type", type);
            }
            APIGatewayV2HTTPResponse response = lambda.handle("POST", "/transfers", headers, body);
            assertThat(response.getStatusCode())
                    .as(type + ": " + response.getBody())
                    .isEqualTo(415);
            assertThat(response.getBody()).contains("unsupported-media-type");
        }
        assertThat(ledgers.state(AREA)).isEqualTo(before);
        // UTF-8 named as such is fine
        Map<String, String> utf8 =
                new HashMap<>(Map.of("authorization", school, "content-type", "application/json; charset=UTF-8"));
        assertThat(lambda.handle("POST", "/transfers", utf8, body).getStatusCode())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/accounts?area=888&levle=1                    | levle",
                "/accounts?area=888&limit=5&format=csv         | format",
                "/ledger/check?area=888&areas=999              | areas",
                "/accounts/888/100001/entries?postcode=PR2     | postcode",
                "/transfers/edge-fund?radius=3                 | radius"
            })
    void anUnknownQueryParameterIsA400NamingIt(String path, String parameter) {
        Api.Reply reply = lambda.get(path, ledgers.commissioner(AREA));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.problemFields()).containsExactly(parameter);
        // without it the same request is answered
        assertThat(lambda.get(path.replaceAll("[&?]" + parameter + "=[^&]*", ""), ledgers.commissioner(AREA))
                        .status())
                .isEqualTo(200);
    }
}

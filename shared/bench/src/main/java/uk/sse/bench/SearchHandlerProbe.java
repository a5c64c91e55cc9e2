package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The directory's Lambda handler in a JVM of its own, on the directory's Lambda artefact and the embeddings layer's
 * libraries only (as {@code bench-search} starts it): no other function's beans or filters in its context. Reads one
 * {@code GET /search/offers} query string a line from stdin, answers it through {@code APIGatewayV2HTTPEventFunction}
 * with an API Gateway v2 event carrying the token in {@value #TOKEN}, and writes {@code <status> <nanoseconds>} (and
 * the body when the status is not 200) on one line of the real stdout. The function's own logs go to stderr.
 */
public final class SearchHandlerProbe {

    /** The system property holding the bearer token every search carries. */
    static final String TOKEN = "sse.probe.token";

    private SearchHandlerProbe() {}

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err); // the function's log lines must not mix with the answers
        String token = System.getProperty(TOKEN);
        try (APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction();
                BufferedReader requests =
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            answers.println("READY");
            answers.flush();
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                APIGatewayV2HTTPEvent event = event(line, token);
                long t = System.nanoTime();
                APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
                long took = System.nanoTime() - t;
                answers.println(r.getStatusCode() + " " + took
                        + (r.getStatusCode() == 200 ? "" : " " + r.getBody().replace('\n', ' ')));
                answers.flush();
            }
        }
        System.exit(0); // the handler's threads must not keep the probe alive
    }

    private static APIGatewayV2HTTPEvent event(String rawQuery, String token) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath("/search/offers")
                .withRawQueryString(rawQuery)
                .withQueryStringParameters(parameters)
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath("/search/offers")
                                .build())
                        .withRequestId("bench")
                        .build())
                .build();
    }
}

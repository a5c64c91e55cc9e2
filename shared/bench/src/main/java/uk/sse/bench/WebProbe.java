package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a fresh JVM on the web function's Lambda jar alone: answers the start page, a page that needs signing in, the
 * local run's demo sign-in path and the stylesheet as API Gateway events, and prints what came back, one line each.
 */
public final class WebProbe {

    private WebProbe() {}

    public static void main(String[] args) {
        try (APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction()) {
            APIGatewayV2HTTPResponse start = get(handler, "/");
            System.out.println(
                    "WEB / status=" + start.getStatusCode() + " csp=" + header(start, "Content-Security-Policy")
                            + " signIn=" + start.getBody().contains("Sign in"));
            APIGatewayV2HTTPResponse visit = get(handler, "/visit");
            System.out.println("WEB /visit status=" + visit.getStatusCode() + " location=" + header(visit, "Location"));
            System.out.println("WEB /sign-in status=" + get(handler, "/sign-in").getStatusCode());
            Matcher css =
                    Pattern.compile("href=\"(/assets/[0-9a-f]+/app\\.css)\"").matcher(start.getBody());
            if (css.find()) {
                APIGatewayV2HTTPResponse sheet = get(handler, css.group(1));
                System.out.println("WEB css status=" + sheet.getStatusCode() + " cache="
                        + header(sheet, "Cache-Control").replace(' ', '_'));
            }
        } catch (RuntimeException failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEventFunction handler, String path) {
        return handler.handleRequest(
                APIGatewayV2HTTPEvent.builder()
                        .withVersion("2.0")
                        .withRouteKey("$default")
                        .withRawPath(path)
                        .withHeaders(Map.of("accept", "text/html", "host", "web.example", "x-forwarded-proto", "https"))
                        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                        .withMethod("GET")
                                        .withPath(path)
                                        .build())
                                .withRequestId("probe")
                                .build())
                        .build(),
                null);
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        return response.getHeaders() == null
                ? ""
                : response.getHeaders().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse("");
    }
}

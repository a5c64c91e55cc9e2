package uk.sse.kernel.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Lambda handler of every API function: Micronaut's payload 2.0 handler with cookies carried as API Gateway HTTP
 * APIs carry them. In payload 2.0 the browser's cookies arrive in the event's {@code cookies} array, not in a
 * {@code cookie} header, and the cookies to set must leave in the response's {@code cookies} array (2.0 reads no
 * {@code multiValueHeaders}, so of several {@code Set-Cookie} headers only the first would reach the browser).
 * micronaut-function-aws-api-proxy 4.11 does neither; this goes when it does
 * (https://github.com/micronaut-projects/micronaut-aws/pull/2454, decision 0116).
 */
public class HttpApiFunction extends APIGatewayV2HTTPEventFunction {

    private static final String COOKIE = "cookie";
    private static final String SET_COOKIE = "set-cookie";

    /** As Lambda's runtime starts it. */
    public HttpApiFunction() {}

    public HttpApiFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event != null && event.getCookies() != null && !event.getCookies().isEmpty()) {
            event.setHeaders(withCookieHeader(event.getHeaders(), event.getCookies()));
        }
        APIGatewayV2HTTPResponse response = super.handleRequest(event, context);
        if (response != null) {
            moveSetCookiesToCookies(response);
        }
        return response;
    }

    /** The headers with the cookies joined into one {@code cookie} header, each pair once. */
    static Map<String, String> withCookieHeader(Map<String, String> headers, List<String> cookies) {
        Map<String, String> joined = new HashMap<>();
        Set<String> pairs = new LinkedHashSet<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name.equalsIgnoreCase(COOKIE)) {
                    Arrays.stream(value.split(";"))
                            .map(String::strip)
                            .filter(pair -> !pair.isEmpty())
                            .forEach(pairs::add);
                } else {
                    joined.put(name, value);
                }
            });
        }
        cookies.stream().map(String::strip).filter(pair -> !pair.isEmpty()).forEach(pairs::add);
        if (!pairs.isEmpty()) {
            joined.put(COOKIE, String.join("; ", pairs));
        }
        return joined;
    }

    /** Every {@code Set-Cookie} of the response, whole, into its {@code cookies}; none left in its headers. */
    static void moveSetCookiesToCookies(APIGatewayV2HTTPResponse response) {
        List<String> cookies = new ArrayList<>(response.getCookies() == null ? List.of() : response.getCookies());
        List<String> fromMultiValue = new ArrayList<>();
        if (response.getMultiValueHeaders() != null) {
            Map<String, List<String>> rest = new HashMap<>();
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase(SET_COOKIE)) {
                    fromMultiValue.addAll(values);
                } else {
                    rest.put(name, values);
                }
            });
            response.setMultiValueHeaders(rest);
        }
        if (response.getHeaders() != null) {
            Map<String, String> rest = new HashMap<>();
            response.getHeaders().forEach((name, value) -> {
                // Micronaut puts a header's first value here and all of them in multiValueHeaders
                if (!name.equalsIgnoreCase(SET_COOKIE)) {
                    rest.put(name, value);
                } else if (fromMultiValue.isEmpty()) {
                    fromMultiValue.add(value);
                }
            });
            response.setHeaders(rest);
        }
        cookies.addAll(fromMultiValue);
        if (!cookies.isEmpty()) {
            response.setCookies(cookies);
        }
    }
}

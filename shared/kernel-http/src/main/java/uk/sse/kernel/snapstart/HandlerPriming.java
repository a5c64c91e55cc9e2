package uk.sse.kernel.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventHandler;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends real API Gateway events through the function's HTTP handler before the snapshot, so that a restored copy's first
 * request finds the router, the filters, the security chain, the JWT parser and the problem+json writer loaded and
 * linked. Every event is refused before any controller runs, so no data is read or written and no connection opened: a
 * request without a token, and one whose bearer token is a well-formed but unsigned JWT (parsed, then rejected; no key
 * is fetched for it). In the web function, which takes no bearer tokens, both render its page for an unknown address.
 * The handler is the one Micronaut's {@code APIGatewayV2HTTPEventFunction} builds over the same application context.
 */
@Singleton
@Requires(classes = APIGatewayV2HTTPEventHandler.class)
public class HandlerPriming implements SnapshotHook {

    /** An address no function serves. */
    static final String PATH = "/snapstart-priming";

    private static final Logger LOG = LoggerFactory.getLogger(HandlerPriming.class);

    private final ApplicationContext context;

    public HandlerPriming(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prime() {
        LOG.info("SnapStart priming: requests through the handler answered {}", send());
    }

    /** Sends the priming events and returns the statuses they were answered with. */
    List<Integer> send() {
        // not closed: closing the handler would close the application context it shares with the function
        APIGatewayV2HTTPEventHandler handler = new APIGatewayV2HTTPEventHandler(context);
        List<Integer> statuses = new ArrayList<>();
        for (APIGatewayV2HTTPEvent event : events()) {
            statuses.add(handler.exchange(event, new APIGatewayV2HTTPResponse())
                    .getResponse()
                    .getNativeResponse()
                    .getStatusCode());
        }
        return statuses;
    }

    /** The priming requests: without a token, and with an unsigned one. */
    static List<APIGatewayV2HTTPEvent> events() {
        return List.of(
                event(Map.of("accept", "application/json")), event(Map.of("authorization", "Bearer " + unsigned())));
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(PATH)
                .withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(PATH)
                                .withSourceIp("127.0.0.1")
                                .build())
                        .withRequestId("snapstart-priming")
                        .build())
                .build();
    }

    /** A JWT with {@code alg: none}: parsed like any token, refused because it is not signed. */
    private static String unsigned() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String claims = url.encodeToString(
                "{\"sub\":\"snapstart-priming\",\"exp\":0}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}

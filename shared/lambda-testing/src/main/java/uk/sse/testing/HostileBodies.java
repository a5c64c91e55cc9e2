package uk.sse.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.uri.UriMatchVariable;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Bodies of hostile shapes, nested objects and arrays with unknown keys at every level, sized 16, 64 and 256 KiB,
 * and every route of a function that reads a JSON body, found from its router, so that a route added later is tried too.
 * Each send is timed: the slowest answer is what the test reports.
 */
public final class HostileBodies {

    public static final List<Integer> SIZES = List.of(16 * 1024, 64 * 1024, 256 * 1024);

    private HostileBodies() {}

    /** A route that takes a body, with its path variables filled with a well-shaped value. */
    public record Route(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One answer: the route, the shape and size sent, the status and how long it took. */
    public record Sent(Route route, String shape, int bytes, int status, long micros) {}

    /** Every route of the context's router that a body is sent to (POST, PUT, PATCH) and that may read JSON. */
    public static List<Route> jsonRoutes(ApplicationContext context) {
        List<Route> routes = new ArrayList<>();
        context.getBean(Router.class)
                .uriRoutes()
                .filter(r -> r.getHttpMethod().permitsRequestBody())
                .filter(r ->
                        r.getConsumes().isEmpty() || r.doesConsume(MediaType.APPLICATION_JSON_TYPE) && !r.consumesAll())
                .forEach(r -> routes.add(new Route(r.getHttpMethod(), expand(r))));
        return routes;
    }

    private static String expand(UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (UriMatchVariable variable : route.getUriMatchTemplate().getVariables()) {
            values.put(variable.getName(), variable.getName().equalsIgnoreCase("proposalId") ? "P1" : "x1");
        }
        return route.getUriMatchTemplate().expand(values);
    }

    /** The shapes, each of about {@code bytes} bytes. */
    public static Map<String, String> shapes(int bytes) {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put(
                "nested objects with unknown keys",
                nest(bytes, i -> "{\"unknown" + i + "\":1,\"deeper" + i + "\":", "}", "null"));
        shapes.put("nested arrays", nest(bytes, i -> "[", "]", "0"));
        shapes.put(
                "objects and arrays in turn",
                nest(
                        bytes,
                        i -> i % 2 == 0 ? "{\"k" + i + "\":[" : "[{\"k" + i + "\":",
                        i -> i % 2 == 0 ? "]}" : "}]",
                        "1"));
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; wide.length() < bytes - 40; i++) {
            wide.append("\"unknown")
                    .append(i)
                    .append("\":{\"also")
                    .append(i)
                    .append("\":[")
                    .append(i)
                    .append("]},");
        }
        shapes.put("one object of many unknown keys", wide.append("\"end\":0}").toString());
        return shapes;
    }

    private static String nest(int bytes, Function<Integer, String> open, String close, String leaf) {
        return nest(bytes, open, i -> close, leaf);
    }

    private static String nest(
            int bytes, Function<Integer, String> open, Function<Integer, String> close, String leaf) {
        StringBuilder head = new StringBuilder();
        List<String> tails = new ArrayList<>();
        int size = leaf.length();
        for (int i = 0; size < bytes; i++) {
            String o = open.apply(i);
            String c = close.apply(i);
            head.append(o);
            tails.add(c);
            size += o.length() + c.length();
        }
        StringBuilder body = head.append(leaf);
        for (int i = tails.size() - 1; i >= 0; i--) {
            body.append(tails.get(i));
        }
        return body.toString();
    }

    /** Sends every shape of every size to every route, as {@code bearer}, as API Gateway events to the Lambda handler. */
    public static List<Sent> sendAll(LambdaInstance lambda, List<Route> routes, String bearer) {
        List<Sent> sent = new ArrayList<>();
        for (Route route : routes) {
            for (int size : SIZES) {
                for (Map.Entry<String, String> shape : shapes(size).entrySet()) {
                    long started = System.nanoTime();
                    Api.Reply reply = lambda.send(route.method().name(), route.path(), bearer, shape.getValue());
                    sent.add(new Sent(
                            route,
                            shape.getKey(),
                            shape.getValue().length(),
                            reply.status(),
                            (System.nanoTime() - started) / 1000));
                }
            }
        }
        return sent;
    }

    /** How many items a table holds: equal before and after means nothing was written. */
    public static long items(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        return dynamo
                .scanPaginator(
                        b -> b.tableName(table).select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT))
                .stream()
                .mapToLong(page -> page.count())
                .sum();
    }

    /** The slowest answer, for the test's report. */
    public static Sent slowest(List<Sent> sent) {
        return sent.stream()
                .max(java.util.Comparator.comparingLong(Sent::micros))
                .orElseThrow();
    }
}

package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation a function serves reaches that function in AWS. Locally all functions share one server, so a path
 * the stack does not route passes every other test and in AWS falls to {@code $default}, the web (as {@code /areas}
 * and {@code /holds} once did). What each function serves is docs/api/&lt;function&gt;.yml, which the function's own
 * ApiDescriptionTest keeps equal to the OpenAPI document micronaut-openapi generates from its controllers; so a
 * controller path without a route fails the build here, naming the path and the function. The other way round,
 * every API route answers an operation its function serves, under a literal first segment: the web's pages, which
 * PathsApartTest keeps off the APIs' first segments, therefore all reach the default route (WebTest: the web's
 * alias, without the authorizer).
 */
class RoutedPathsTest {

    static final Path API_DOCS = Path.of("../docs/api");
    static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    static final Pattern OPERATION = Pattern.compile("^    (get|put|post|delete|patch|head|options):\\s*$");

    record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Route(String method, Pattern path, String template, Object target) {
        @Override
        public String toString() {
            return method + " " + template;
        }

        static Route of(Map<String, Object> properties) {
            String[] key = properties.get("RouteKey").toString().split(" ", 2);
            return new Route(key[0], pattern(key[1]), key[1], properties.get("Target"));
        }

        /** A path template as a regular expression: {@code {name}} one segment, {@code {name+}} the rest. */
        private static Pattern pattern(String template) {
            StringBuilder regex = new StringBuilder();
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/');
                if (segment.matches("\\{[^}]+\\+}")) {
                    regex.append(".+");
                } else if (segment.matches("\\{[^}]+}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            return Pattern.compile(regex.toString());
        }

        boolean answers(Operation operation) {
            return method.equalsIgnoreCase(operation.method())
                    && path.matcher(operation.path()).matches();
        }
    }

    @Test
    void each_path_a_function_serves_is_routed_to_that_function_and_only_to_it() throws IOException {
        Map<String, List<Operation>> served = servedByEachFunction();
        assertThat(served.keySet())
                .as("the API functions with a description in docs/api")
                .containsExactlyInAnyOrder("directory", "ledger", "brokerage", "notifier", "reporting");
        assertThat(served.get("directory")).contains(new Operation("GET", "/areas"));
        assertThat(served.get("ledger")).contains(new Operation("GET", "/holds"));

        for (Synthesised s : Synthesised.both()) {
            List<Route> routes = apiRoutes(s);
            List<String> unrouted = new ArrayList<>();
            served.forEach((function, operations) -> {
                String integration = integrationOf(s, function + "-api");
                for (Operation operation : operations) {
                    List<Route> matching =
                            routes.stream().filter(r -> r.answers(operation)).toList();
                    if (matching.isEmpty()) {
                        unrouted.add(operation + " (served by " + function + ", docs/api/" + function
                                + ".yml) has no route: in AWS it falls to $default, the web");
                    }
                    matching.stream()
                            .filter(r -> !Synthesised.mentions(r.target(), integration))
                            .forEach(r -> unrouted.add(operation + " (served by " + function + ") is routed by "
                                    + r.method() + " " + r.template() + " to another function"));
                }
            });
            assertThat(unrouted)
                    .as(s.stage.name() + ": add each path to its function's api.route(...) in SseStack")
                    .isEmpty();
        }
    }

    /**
     * A dead route costs a stack resource (there are 500 at most, StackLimitsTest) and a piece of the web's address
     * space; a method a function does not serve at a path has no route and falls to the web, which answers 404.
     */
    @Test
    void each_api_route_answers_an_operation_its_function_serves_so_the_pages_reach_the_web() throws IOException {
        Map<String, List<Operation>> served = servedByEachFunction();
        for (Synthesised s : Synthesised.both()) {
            Map<String, String> functionOfIntegration = new TreeMap<>();
            served.keySet().forEach(f -> functionOfIntegration.put(integrationOf(s, f + "-api"), f));
            List<Route> routes = apiRoutes(s);
            assertThat(routes).isNotEmpty();
            List<String> astray = new ArrayList<>();
            for (Route route : routes) {
                String function = functionOfIntegration.entrySet().stream()
                        .filter(e -> Synthesised.mentions(route.target(), e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (function == null) {
                    astray.add(route + " goes to no API function");
                } else if (firstSegment(route.template()).startsWith("{")) {
                    astray.add(route + " starts with a variable: it would take the web's pages");
                } else if (served.get(function).stream().noneMatch(route::answers)) {
                    astray.add(route + " goes to " + function + ", which serves no such operation (docs/api/" + function
                            + ".yml)");
                }
            }
            assertThat(astray)
                    .as(s.stage.name() + ": remove each such route from SseStack")
                    .isEmpty();
        }
    }

    @Test
    void the_reading_of_a_description_finds_each_path_and_its_operations() {
        List<Operation> read = operations(List.of(
                "paths:",
                "  /holds:",
                "    get:",
                "      summary: x",
                "      parameters:",
                "      - name: get",
                "  /areas/{id}:",
                "    get:",
                "      tags: []",
                "    put:",
                "components:",
                "  schemas:",
                "    Area:"));
        assertThat(read)
                .containsExactly(
                        new Operation("GET", "/holds"),
                        new Operation("GET", "/areas/{id}"),
                        new Operation("PUT", "/areas/{id}"));
        Route greedy = Route.of(Map.of("RouteKey", "PUT /areas/{proxy+}", "Target", "t"));
        assertThat(greedy.answers(read.get(2))).isTrue();
        assertThat(greedy.answers(read.get(1))).as("another method").isFalse();
        assertThat(greedy.answers(new Operation("PUT", "/areas"))).isFalse();
        Route exact = Route.of(Map.of("RouteKey", "GET /holds", "Target", "t"));
        assertThat(exact.answers(read.get(0))).isTrue();
        assertThat(exact.answers(new Operation("GET", "/holds/x"))).isFalse();
        assertThat(exact.answers(new Operation("GET", "/holdsx"))).isFalse();
    }

    /** Function name (the description's file name) to the operations its description lists. */
    static Map<String, List<Operation>> servedByEachFunction() throws IOException {
        Map<String, List<Operation>> served = new TreeMap<>();
        try (Stream<Path> files = Files.list(API_DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String function = file.getFileName().toString().replaceFirst("\\.yml$", "");
                List<Operation> operations = operations(Files.readAllLines(file));
                assertThat(operations).as(file + " lists no operations").isNotEmpty();
                served.put(function, operations);
            }
        }
        return served;
    }

    /** The operations under {@code paths:} of an OpenAPI document as micronaut-openapi writes it. */
    static List<Operation> operations(List<String> lines) {
        List<Operation> operations = new ArrayList<>();
        boolean inPaths = false;
        String path = null;
        for (String line : lines) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.equals("paths:");
                path = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = PATH.matcher(line);
            Matcher o = OPERATION.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (o.matches() && path != null) {
                operations.add(new Operation(o.group(1).toUpperCase(), path));
            }
        }
        return operations;
    }

    /** Every route but the web's {@code $default}. */
    static List<Route> apiRoutes(Synthesised s) {
        return s.ofType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(r -> !"$default".equals(r.get("RouteKey")))
                .map(Route::of)
                .toList();
    }

    /** The logical id of the one integration that sends to the function's live alias. */
    static String integrationOf(Synthesised s, String function) {
        return s.idWhere("AWS::ApiGatewayV2::Integration", "IntegrationUri", Map.of("Ref", s.aliasId(function)));
    }

    static String firstSegment(String path) {
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}

package uk.sse.kernel.http;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;

/**
 * The API edge, after the caller is known and before a route binds anything:
 * <ul>
 *   <li>a query parameter the route does not declare (misspelt, or meant for another route) is refused with 400 naming
 *       it, so that no answer is confidently wrong; the declared ones are read from the route's own arguments, so a new
 *       parameter is covered by declaring it, and a route that takes any opts out with {@link AcceptsAnyParameters};</li>
 *   <li>a body sent to a route that reads JSON must say it is JSON ({@code application/json}, UTF-8 if a charset is
 *       named: else 415) and be what {@link JsonEdge} checks (else 400 naming the member), whatever else parses it.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestEdge implements Ordered {

    /**
     * The body is bound here as a copy (the framework splits and buffers it, on the local server as on Lambda), so the
     * route still binds it itself.
     */
    @RequestFilter
    public @Nullable HttpResponse<Problem> refuseAtTheEdge(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null;
        }
        Optional<String> unknown = unknownParameter(route.get(), request, formFields(request, body));
        if (unknown.isPresent()) {
            return refuse(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "unknown-parameter",
                    unknown.get(),
                    "is not a parameter of this resource");
        }
        if (body == null || !request.getMethod().permitsRequestBody() || !readsJson(route.get())) {
            return null;
        }
        return check(request, body);
    }

    private static @Nullable HttpResponse<Problem> check(HttpRequest<?> request, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        Optional<String> type = request.getHeaders().get(io.micronaut.http.HttpHeaders.CONTENT_TYPE, String.class);
        if (type.isEmpty()) {
            return refuse(
                    request,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Content-Type",
                    "is required: send the body as application/json");
        }
        MediaType media;
        try {
            media = MediaType.of(type.get());
        } catch (IllegalArgumentException unreadable) {
            return refuse(
                    request,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Content-Type",
                    "is not a media type");
        }
        boolean json = media.getType().equals("application")
                && (media.getSubtype().equals("json") || media.getSubtype().endsWith("+json"));
        Optional<String> charset = media.getParameters().get("charset");
        if (!json
                || charset.isPresent()
                        && !charset.get()
                                .toLowerCase(Locale.ROOT)
                                .replace("\"", "")
                                .equals("utf-8")) {
            return refuse(
                    request,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Content-Type",
                    "must be application/json, in UTF-8");
        }
        return JsonEdge.check(body)
                .map(r -> refuse(request, HttpStatus.BAD_REQUEST, "malformed-request", r.field(), r.message()))
                .orElse(null);
    }

    /** Whether the route binds a JSON body: it has a body argument and consumes JSON. */
    private static boolean readsJson(RouteMatch<?> route) {
        return route.getRouteInfo().getBodyArgument().isPresent()
                        || route.getRouteInfo().getFullRequestBodyType().isPresent()
                ? route.getRouteInfo().doesConsume(MediaType.APPLICATION_JSON_TYPE)
                        && !route.getRouteInfo().consumesAll()
                : route.getRouteInfo().explicitlyConsumes(MediaType.APPLICATION_JSON_TYPE) || takesRequest(route);
    }

    /** A route that reads an optional body from the request itself (e.g. posting a hold with or without an amount). */
    private static boolean takesRequest(RouteMatch<?> route) {
        return route instanceof MethodBasedRouteMatch<?, ?> method
                && java.util.Arrays.stream(method.getArguments())
                        .anyMatch(a -> HttpRequest.class.isAssignableFrom(a.getType()))
                && route.getRouteInfo().doesConsume(MediaType.APPLICATION_JSON_TYPE)
                && !route.getRouteInfo().consumesAll();
    }

    /**
     * The fields of a form body ({@code application/x-www-form-urlencoded}): on Lambda the request's parameters carry
     * them beside the query's, and they are the body's to bind, not query parameters a route declares.
     */
    static Set<String> formFields(HttpRequest<?> request, @Nullable byte[] body) {
        boolean form = request.getContentType()
                .map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
        if (!form || body == null || body.length == 0) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String pair : new String(body, java.nio.charset.StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            try {
                names.add(java.net.URLDecoder.decode(
                        eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // not a field name: left to be refused as a parameter if it is one
            }
        }
        return names;
    }

    /**
     * Each route's declared parameters, read once from its arguments' annotations rather than on every request (the
     * routes are fixed for the context's life); empty for a route that takes any.
     */
    private final Map<RouteInfo<?>, Optional<Set<String>>> declaredByRoute = new ConcurrentHashMap<>();

    /** The first query parameter the route does not declare, if any; {@code fromBody} are a form body's fields. */
    Optional<String> unknownParameter(RouteMatch<?> route, HttpRequest<?> request, Set<String> fromBody) {
        if (request.getParameters().isEmpty()) {
            return Optional.empty();
        }
        Optional<Set<String>> declared = declaredByRoute.computeIfAbsent(route.getRouteInfo(), r -> declared(route));
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        return request.getParameters().names().stream()
                .filter(name -> !declared.get().contains(name) && !fromBody.contains(name))
                .sorted()
                .findFirst();
    }

    /** The query parameters a route declares, or empty if it takes any. */
    private static Optional<Set<String>> declared(RouteMatch<?> route) {
        if (!(route instanceof MethodBasedRouteMatch<?, ?> method)
                || route.getAnnotationMetadata().hasAnnotation(AcceptsAnyParameters.class)) {
            return Optional.empty();
        }
        Set<String> declared = new HashSet<>();
        for (Argument<?> argument : method.getArguments()) {
            AnnotationMetadata a = argument.getAnnotationMetadata();
            if (a.hasAnnotation(QueryValue.class)) {
                declared.add(a.stringValue(QueryValue.class)
                        .filter(n -> !n.isEmpty())
                        .orElse(argument.getName()));
            } else if (unbound(argument)) {
                declared.add(argument.getName()); // bound from the query by its name, Micronaut's default
            }
        }
        return Optional.of(Set.copyOf(declared));
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> BINDINGS = List.of(
            Body.class,
            PathVariable.class,
            Header.class,
            CookieValue.class,
            RequestAttribute.class,
            Part.class,
            Authenticated.class);

    private static boolean unbound(Argument<?> argument) {
        Class<?> type = argument.getType();
        return BINDINGS.stream().noneMatch(argument.getAnnotationMetadata()::hasAnnotation)
                && !HttpRequest.class.isAssignableFrom(type)
                && !Principal.class.isAssignableFrom(type)
                && !type.getName().startsWith("io.micronaut.")
                && !type.getName().startsWith("uk.sse.kernel.identity.");
    }

    private static HttpResponse<Problem> refuse(
            HttpRequest<?> request, HttpStatus status, String slug, String field, String message) {
        var response = Problems.of(
                status, slug, field + ": " + message, List.of(new Problem.FieldError(field, message)), null);
        return response.body(response.body().withInstance(request.getPath()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}

package uk.sse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web's pages and the APIs share one address (in AWS one HTTP API whose explicit routes are the APIs' and whose
 * default route is the web; locally one server): no page's first path segment may be an API's (docs/api/*.yml, which
 * each function's tests keep equal to its controllers). Decision 0040.
 */
@MicronautTest(environments = "test")
@io.micronaut.context.annotation.Property(name = "sse.web.api-url", value = "http://127.0.0.1:9")
class PathsApartTest {

    static final Pattern PATH = Pattern.compile("(?m)^  (/[^:]*):\\s*$");

    @Inject
    Router router;

    @Test
    void noPageSharesAFirstSegmentWithAnyApi() throws IOException {
        Set<String> pages = new TreeSet<>();
        router.uriRoutes().forEach(info -> {
            if (info instanceof MethodBasedRouteInfo<?, ?> method
                    && method.getTargetMethod().getDeclaringType().isAnnotationPresent(WebPages.class)) {
                pages.add(first(info.getUriMatchTemplate().toString()));
            }
        });
        Set<String> apis = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("../../docs/api"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Matcher m = PATH.matcher(Files.readString(file));
                while (m.find()) {
                    apis.add(first(m.group(1)));
                }
            }
        }
        assertThat(apis).contains("schools", "requests", "offers", "accounts", "subscriptions", "reports");
        assertThat(pages).contains("", "visit", "support-requests", "your-offers", "credits", "assets");
        assertThat(pages).as("pages " + pages + " and APIs " + apis).doesNotContainAnyElementsOf(apis);
    }

    private static String first(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int end = p.indexOf('/');
        return (end < 0 ? p : p.substring(0, end)).replaceAll("\\{.*", "");
    }
}

package uk.sse.web.assets;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import uk.sse.web.WebPages;

/**
 * The assets, with immutable caching under their version and gzip for browsers that take it. A request for an older
 * version (a page rendered before a release) is answered with today's file, cached briefly.
 */
@Controller
@WebPages
@Produces(MediaType.ALL)
public class AssetsController {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Assets assets;

    public AssetsController(Assets assets) {
        this.assets = assets;
    }

    @Get("/assets/{version}/{kind}/{name}")
    public HttpResponse<?> nested(
            @PathVariable String version,
            @PathVariable String kind,
            @PathVariable String name,
            HttpRequest<?> request) {
        return file(version, kind + "/" + name, request);
    }

    @Get("/assets/{version}/{name}")
    public HttpResponse<?> top(@PathVariable String version, @PathVariable String name, HttpRequest<?> request) {
        return file(version, name, request);
    }

    @Get("/favicon.ico")
    public HttpResponse<?> favicon(HttpRequest<?> request) {
        return file("", "images/favicon.ico", request);
    }

    private HttpResponse<?> file(String version, String name, HttpRequest<?> request) {
        return assets.find(name)
                .<HttpResponse<?>>map(asset -> {
                    boolean gzip = asset.gzipped() != null
                            && request.getHeaders()
                                    .get(HttpHeaders.ACCEPT_ENCODING, String.class)
                                    .map(a -> a.contains("gzip"))
                                    .orElse(false);
                    MutableHttpResponse<byte[]> response = HttpResponse.ok(gzip ? asset.gzipped() : asset.bytes())
                            .contentType(asset.contentType())
                            .header(
                                    HttpHeaders.CACHE_CONTROL,
                                    version.equals(assets.version()) ? IMMUTABLE : "public, max-age=300")
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                    if (gzip) {
                        response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
                    }
                    return response;
                })
                .orElseGet(HttpResponse::notFound);
    }
}

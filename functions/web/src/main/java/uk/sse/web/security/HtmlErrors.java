package uk.sse.web.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.web.pages.Pages;

/**
 * A browser that asked for a page is answered with a page, never a problem+json body or a stack trace: page not found,
 * not allowed, an expired form, or "sorry, there is a problem". Calls that do not ask for HTML (the APIs' clients) are
 * left alone.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HtmlErrors implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrors.class);

    /** What an error page says. */
    public record ErrorPage(int status, String heading, String message) {}

    private final Pages pages;
    private final SecurityHeaders headers;

    public HtmlErrors(Pages pages, SecurityHeaders headers) {
        this.pages = pages;
        this.headers = headers;
    }

    /** Outermost: it sees every answer, the CSRF filter's refusals too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    public void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status < 400
                || !wantsHtml(request)
                || response.getContentType()
                        .filter(t -> t.matches(MediaType.TEXT_HTML_TYPE))
                        .isPresent()) {
            return;
        }
        ErrorPage page = page(request, status);
        if (status >= 500) {
            LOG.warn("{} {} answered {}", request.getMethod(), request.getPath(), status);
        }
        String html;
        try {
            html = pages.html(request, "errors/error", page.heading(), page);
        } catch (RuntimeException failed) {
            LOG.error("the error page could not be rendered", failed);
            html =
                    "<!DOCTYPE html><html lang=\"en\"><head><title>Sorry, there is a problem</title></head><body><h1>Sorry, there is a problem with the service</h1></body></html>";
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> page0 = (MutableHttpResponse<Object>) response;
        page0.status(page.status()).body(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        headers.set(response);
    }

    static boolean wantsHtml(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }

    static ErrorPage page(HttpRequest<?> request, int status) {
        if ((status == 401 || status == 403) && request.getMethod().permitsRequestBody()) {
            // a form without a valid CSRF token for this session: opened before signing in again, or forged
            return new ErrorPage(
                    403, "This page has expired", "Go back, reload the page and try again. Nothing was changed.");
        }
        return switch (status) {
            case 401 -> new ErrorPage(status, "You need to sign in", "Sign in to see this page.");
            case 403 ->
                new ErrorPage(status, "You cannot see this page", "Your role does not give you access to this page.");
            case 404, 405 ->
                new ErrorPage(
                        HttpStatus.NOT_FOUND.getCode(),
                        "Page not found",
                        "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.");
            case 413 -> new ErrorPage(status, "What you sent is too large", "Go back and shorten what you entered.");
            default ->
                status >= 500
                        ? new ErrorPage(
                                status,
                                "Sorry, there is a problem with the service",
                                "Try again later. What you entered has not been lost: go back to try again.")
                        : new ErrorPage(status, "Sorry, we could not do that", "Go back and try again.");
        };
    }
}

package uk.sse.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The page asked for does not exist for this person (or its API said 404): "Page not found". */
public final class PageNotFound extends RuntimeException {

    public PageNotFound(String what) {
        super(what, null, false, false);
    }

    @Singleton
    public static class Handler implements ExceptionHandler<PageNotFound, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, PageNotFound exception) {
            return HttpResponse.notFound();
        }
    }
}

package uk.sse.directory.search;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;

/** Search failing is the service's trouble, not the caller's: 503 so clients retry, with the cause logged, not shown. */
@Produces
@Singleton
public class SearchUnavailable implements ExceptionHandler<SearchEngine.SearchFailed, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchUnavailable.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, SearchEngine.SearchFailed failure) {
        LOG.error("search failed for {}", request.getPath(), failure);
        return Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "search-unavailable",
                        "search is unavailable for the moment: try again shortly",
                        null,
                        null)
                .header("Retry-After", "5");
    }
}

package uk.sse.kernel.correlation;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** The same for Micronaut's own HTTP clients: the current correlation id goes with every request they send. */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
public class CorrelationClientFilter {

    @RequestFilter
    public void passOn(MutableHttpRequest<?> request) {
        Correlation.current()
                .filter(id -> !request.getHeaders().contains(Correlation.HEADER))
                .ifPresent(id -> request.header(Correlation.HEADER, id));
    }
}

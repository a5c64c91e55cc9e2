package uk.sse.kernel.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.function.Function;
import uk.sse.kernel.outcome.Outcome;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;

/** Maps a use case's {@link Outcome} to its HTTP answer: the success as given, each failure as problem+json. */
public final class Responses {

    private Responses() {}

    public static <T> HttpResponse<?> of(Outcome<T> outcome, Function<T, MutableHttpResponse<?>> success) {
        return switch (outcome) {
            case Outcome.Done<T> done -> success.apply(done.value());
            case Outcome.Invalid<T> invalid ->
                Problems.invalid(invalid.violations().stream()
                        .map(v -> new Problem.FieldError(v.field(), v.message()))
                        .toList());
            case Outcome.NotFound<T> notFound -> Problems.notFound(notFound.what());
            case Outcome.Forbidden<T> forbidden -> Problems.forbidden(forbidden.why());
            case Outcome.Conflict<T> conflict -> Problems.conflict(conflict.why(), conflict.allowed());
            case Outcome.Stale<T> stale ->
                Problems.stale("the resource has changed: its current ETag is " + ETags.of(stale.currentVersion()))
                        .header(io.micronaut.http.HttpHeaders.ETAG, ETags.of(stale.currentVersion()));
        };
    }

    public static <T> HttpResponse<?> ok(Outcome<T> outcome) {
        return of(outcome, HttpResponse::ok);
    }

    public static <T> HttpResponse<?> created(Outcome<T> outcome) {
        return of(outcome, value -> HttpResponse.status(HttpStatus.CREATED).body(value));
    }
}

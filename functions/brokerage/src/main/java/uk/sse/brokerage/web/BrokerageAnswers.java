package uk.sse.brokerage.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Locale;
import uk.sse.brokerage.application.Actors;
import uk.sse.brokerage.application.Moved;
import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.BrokerageRequest;
import uk.sse.brokerage.model.Result;
import uk.sse.kernel.http.ETags;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;

/**
 * A step's result as HTTP: the request as it now stands (with its ETag), or a problem whose type names the refusal
 * ({@code .../problems/brokerage/stale-version}). A stale or illegal step is 409 naming the actions the request's
 * status allows now; a bad field is 422 naming it; a refusal by the ledger is 409 with the ledger's reason.
 */
final class BrokerageAnswers {

    private BrokerageAnswers() {}

    static MutableHttpResponse<?> request(BrokerageRequest r, Actor viewer, HttpStatus status) {
        return HttpResponse.status(status)
                .body(RequestView.of(r, viewer))
                .header(HttpHeaders.ETAG, ETags.of(r.version()));
    }

    static MutableHttpResponse<?> of(Moved moved, Caller viewer) {
        return switch (moved) {
            case Moved.Done done -> request(done.request(), Actors.of(viewer, done.request()), HttpStatus.OK);
            case Moved.Refused refused -> refusal(refused.refusal());
            case Moved.LedgerRefused no ->
                no.answer().forWantOfCredits()
                        ? Problems.of(
                                HttpStatus.CONFLICT,
                                "brokerage/insufficient-credits",
                                "the school has not enough credits for this agreement: "
                                        + no.answer().message(),
                                List.of(new Problem.FieldError(
                                        "credits", no.answer().message())),
                                null)
                        : Problems.of(
                                HttpStatus.CONFLICT,
                                "brokerage/ledger-refused",
                                "the ledger refused (" + no.answer().code() + "): "
                                        + no.answer().message(),
                                null,
                                null);
        };
    }

    static MutableHttpResponse<Problem> refusal(Result.Refused r) {
        String slug = "brokerage/" + r.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> allowed = r.allowed().stream().map(Enum::name).toList();
        return switch (r.reason()) {
            case NOT_FOUND -> Problems.notFound(r.message().replaceFirst("^no ", ""));
            case FORBIDDEN -> Problems.of(HttpStatus.FORBIDDEN, slug, r.message(), null, null);
            case STALE_VERSION, ILLEGAL_TRANSITION ->
                Problems.of(
                        HttpStatus.CONFLICT,
                        slug,
                        r.message(),
                        r.reason() == uk.sse.brokerage.model.Refusal.STALE_VERSION
                                ? List.of(
                                        new Problem.FieldError("/version", "the request is at version " + r.version()))
                                : null,
                        allowed);
            case INVALID ->
                Problems.of(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        slug,
                        r.message(),
                        List.of(new Problem.FieldError(pointer(r.field()), r.message())),
                        null);
            case UNKNOWN_PROPOSAL ->
                Problems.of(
                        HttpStatus.NOT_FOUND,
                        slug,
                        r.message(),
                        List.of(new Problem.FieldError("proposalId", r.message())),
                        null);
            case PROPOSAL_STATE, ALREADY_RATED ->
                Problems.of(
                        HttpStatus.CONFLICT,
                        slug,
                        r.message(),
                        List.of(new Problem.FieldError(
                                r.field() == null ? "proposalId" : pointer(r.field()), r.message())),
                        allowed);
        };
    }

    /** The model names a field as {@code offers.days}; the body's pointer is {@code /offers/days}. */
    private static String pointer(String field) {
        return field == null ? "/" : field.equals("proposalId") ? field : "/" + field.replace('.', '/');
    }
}

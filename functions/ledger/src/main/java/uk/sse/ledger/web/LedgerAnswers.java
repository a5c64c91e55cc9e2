package uk.sse.ledger.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.sse.kernel.problem.Problem;
import uk.sse.kernel.problem.Problems;
import uk.sse.ledger.model.Refusal;
import uk.sse.ledger.model.Result;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;

/**
 * A command's result as HTTP: the transfer as it now stands (a replay says so in {@code Idempotent-Replayed}), or
 * a problem whose type names the refusal ({@code .../problems/ledger/insufficient-funds}) and whose field is the one
 * to change. Broken rules of the input are 422; a clash with the ledger's state is 409.
 */
final class LedgerAnswers {

    private LedgerAnswers() {}

    static MutableHttpResponse<?> of(Result result, TransferId id, HttpStatus applied) {
        return of(result, id, applied, Map.of());
    }

    /**
     * As {@link #of(Result, TransferId, HttpStatus)}, with a refusal's field named as the client's body names it:
     * an allocation's {@code to} is the transfer's credit side, and its area's issuing account the debit side.
     */
    static MutableHttpResponse<?> of(Result result, TransferId id, HttpStatus applied, Map<String, String> fieldNames) {
        return switch (result) {
            case Result.Applied a ->
                transfer(
                        a.transfers().stream()
                                .filter(t -> t.id().equals(id))
                                .findFirst()
                                .orElseThrow(),
                        applied,
                        false);
            case Result.AlreadyApplied replay -> transfer(replay.original(), applied, true);
            case Result.Refused refused -> renamed(refusal(refused), fieldNames);
        };
    }

    private static MutableHttpResponse<Problem> renamed(
            MutableHttpResponse<Problem> response, Map<String, String> names) {
        Problem p = response.body();
        if (p == null || p.errors() == null || p.errors().isEmpty() || names.isEmpty()) {
            return response;
        }
        List<Problem.FieldError> errors = p.errors().stream()
                .map(e -> new Problem.FieldError(names.getOrDefault(e.field(), e.field()), e.message()))
                .toList();
        String detail = p.detail();
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (detail != null && detail.startsWith(name.getKey() + ": ")) {
                detail = name.getValue() + detail.substring(name.getKey().length());
            }
        }
        return response.body(new Problem(p.type(), p.title(), p.status(), detail, p.instance(), errors, p.allowed()));
    }

    private static MutableHttpResponse<?> transfer(Transfer t, HttpStatus status, boolean replayed) {
        return HttpResponse.status(status)
                .body(Views.TransferView.of(t))
                .header(HttpHeaders.LOCATION, "/transfers/" + t.id())
                .header("Idempotent-Replayed", Boolean.toString(replayed));
    }

    static MutableHttpResponse<Problem> refusal(Result.Refused refused) {
        String slug =
                "ledger/" + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> allowed = refused.reason() == Refusal.HOLD_EXPIRED ? List.of("void") : List.of();
        return switch (refused.reason()) {
            case AMOUNT_NOT_POSITIVE, POST_EXCEEDS_HOLD, OVERFLOW -> invalid(slug, "/amount", refused);
            case SAME_ACCOUNT, UNKNOWN_CREDIT_ACCOUNT, DIFFERENT_AREAS -> invalid(slug, "/credit", refused);
            case UNKNOWN_DEBIT_ACCOUNT, ALLOCATION_NOT_FROM_ISSUING -> invalid(slug, "/debit", refused);
            case KIND_REQUIRED -> invalid(slug, "/kind", refused);
            case ISSUING_ACCOUNT_RESTRICTED -> invalid(slug, "/debit", refused);
            case REFERENCE_REQUIRED -> invalid(slug, "/reference", refused);
            case RESERVED_ID ->
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        slug,
                        refused.message(),
                        List.of(new Problem.FieldError("/id", refused.message())),
                        null);
            case TIMEOUT_INVALID -> invalid(slug, "/timeoutSeconds", refused);
            case REFERENCE_TOO_LONG -> invalid(slug, "/reference", refused);
            case INSUFFICIENT_FUNDS ->
                Problems.of(
                        HttpStatus.CONFLICT,
                        slug,
                        refused.message(),
                        List.of(new Problem.FieldError("/amount", refused.message())),
                        allowed);
            case ID_REUSED_WITH_DIFFERENT_BODY ->
                Problems.of(
                        HttpStatus.CONFLICT,
                        slug,
                        refused.message(),
                        List.of(new Problem.FieldError("/id", "is taken by a transfer with a different body")),
                        allowed);
            case UNKNOWN_TRANSFER -> Problems.of(HttpStatus.NOT_FOUND, slug, refused.message(), null, null);
            case NOT_A_HOLD, HOLD_ALREADY_RESOLVED, HOLD_EXPIRED, UNKNOWN_ACCOUNT ->
                Problems.of(HttpStatus.CONFLICT, slug, refused.message(), null, allowed);
        };
    }

    private static MutableHttpResponse<Problem> invalid(String slug, String field, Result.Refused refused) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY,
                slug,
                field + ": " + refused.message(),
                List.of(new Problem.FieldError(field, refused.message())),
                null);
    }
}

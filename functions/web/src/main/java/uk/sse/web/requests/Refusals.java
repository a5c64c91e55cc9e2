package uk.sse.web.requests;

import java.util.Map;
import uk.sse.web.api.ApiReply;
import uk.sse.web.forms.Errors;
import uk.sse.web.forms.ProblemMessages;

/** A refused step as the person reads it: on the field it concerns, or said plainly at the top of the form. */
final class Refusals {

    private Refusals() {}

    static Errors of(ApiReply reply, Map<String, ProblemMessages.Field> fields) {
        Errors known = ofCode(reply.problemCode());
        return known.any()
                ? known
                : ProblemMessages.of(
                        reply.problem(), fields, "This could not be done. Check the request and try again.");
    }

    /** A refusal named by its problem's type, as the request page says it. */
    static Errors said(String code) {
        Errors known = ofCode(code);
        return known.any() ? known : Errors.none().add("", "This could not be done. Check the request and try again.");
    }

    /** The refusals said the same way whatever the form: by the problem's type; none for any other. */
    static Errors ofCode(String code) {
        return switch (code) {
            case "stale-version" ->
                Errors.none()
                        .add(
                                "",
                                "Someone else changed this request since you opened the page. Check it again and try again.");
            case "illegal-transition", "proposal-state" ->
                Errors.none()
                        .add(
                                "",
                                "This request has moved on, so this can no longer be done. Check where it stands now.");
            case "already-rated" -> Errors.none().add("", "This support has already been rated.");
            case "insufficient-credits" ->
                Errors.none()
                        .add(
                                "",
                                "Your school has not got enough credits available to agree this support. "
                                        + "Ask your area for more credits, or agree support that costs fewer.");
            default -> Errors.none();
        };
    }
}

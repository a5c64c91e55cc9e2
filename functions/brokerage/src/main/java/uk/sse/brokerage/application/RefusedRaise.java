package uk.sse.brokerage.application;

import uk.sse.brokerage.model.Result;
import uk.sse.kernel.outcome.Outcome;

/** A refused raise as an outcome: the model refuses a new request only as forbidden or for a field it names. */
final class RefusedRaise {

    private RefusedRaise() {}

    static <T> Outcome<T> outcome(Result.Refused refused) {
        return switch (refused.reason()) {
            case FORBIDDEN -> Outcome.forbidden(refused.message());
            default -> Outcome.invalid("/" + refused.field(), refused.message());
        };
    }
}

package uk.sse.brokerage.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import uk.sse.brokerage.application.MoveRequest;
import uk.sse.brokerage.application.Moved;
import uk.sse.brokerage.application.ProposeOffers;
import uk.sse.brokerage.model.Command;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;

/**
 * The steps of a request's lifecycle. Each body names the {@code version} of the request the caller decided on;
 * the answer is the request as it now stands.
 */
@Controller("/requests/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "lifecycle")
public class LifecycleController {

    private final MoveRequest move;
    private final ProposeOffers propose;

    public LifecycleController(MoveRequest move, ProposeOffers propose) {
        this.move = move;
        this.propose = propose;
    }

    /** A broker of the area proposes offers from the directory, each with days and credits. */
    @Post("/proposals")
    public HttpResponse<?> propose(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @Body @Valid ProposeBody body) {
        return answer(
                caller, propose.propose(caller, id, body.version().longValueExact(), body.toOffers(), body.note()));
    }

    /** The provider a proposal is addressed to accepts it. */
    @Post("/proposals/{proposalId}/accept")
    public HttpResponse<?> accept(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @PathVariable @Pattern(regexp = Shapes.PROPOSAL, message = Shapes.PROPOSAL_MESSAGE) String proposalId,
            @Body @Valid VersionBody body) {
        long v = body.version().longValueExact();
        return step(caller, id, (by, at) -> new Command.Accept(by, at, v, proposalId));
    }

    /** The provider a proposal is addressed to declines it, saying why; the last open proposal declined reopens the request. */
    @Post("/proposals/{proposalId}/decline")
    public HttpResponse<?> decline(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @PathVariable @Pattern(regexp = Shapes.PROPOSAL, message = Shapes.PROPOSAL_MESSAGE) String proposalId,
            @Body @Valid ReasonBody body) {
        long v = body.version().longValueExact();
        return step(caller, id, (by, at) -> new Command.Decline(by, at, v, proposalId, body.reason()));
    }

    /**
     * The school, or its adviser, agrees an accepted proposal: the ledger holds the agreed credits on the school's
     * account (the engagement id is the hold's transfer id). Refused with 409 if the school lacks the credits.
     */
    @Post("/proposals/{proposalId}/agree")
    public HttpResponse<?> agree(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @PathVariable @Pattern(regexp = Shapes.PROPOSAL, message = Shapes.PROPOSAL_MESSAGE) String proposalId,
            @Body @Valid VersionBody body) {
        long v = body.version().longValueExact();
        return step(caller, id, (by, at) -> new Command.Agree(by, at, v, proposalId));
    }

    /** A broker marks the agreed support as being delivered. */
    @Post("/start")
    public HttpResponse<?> start(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @Body @Valid VersionBody body) {
        long v = body.version().longValueExact();
        return step(caller, id, (by, at) -> new Command.StartDelivery(by, at, v));
    }

    /** A broker records the days delivered: the hold is posted to the provider for them (pro rata unless credits are given). */
    @Post("/complete")
    public HttpResponse<?> complete(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @Body @Valid CompleteBody body) {
        long v = body.version().longValueExact();
        return step(
                caller,
                id,
                (by, at) -> new Command.Complete(
                        by, at, v, body.daysDelivered().intValueExact(), body.creditsDue(), body.note()));
    }

    /** The school rates the support (SCHOOL), the adviser its impact (IMPACT); with both the request is evaluated. */
    @Post("/evaluations")
    public HttpResponse<?> evaluate(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @Body @Valid EvaluateBody body) {
        long v = body.version().longValueExact();
        return step(
                caller,
                id,
                (by, at) -> new Command.Evaluate(
                        by, at, v, body.rating(), body.score().intValueExact(), body.notes()));
    }

    /** The adviser or a broker cancels the request before completion; any hold is voided. */
    @Post("/cancel")
    public HttpResponse<?> cancel(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @Body @Valid ReasonBody body) {
        long v = body.version().longValueExact();
        return step(caller, id, (by, at) -> new Command.Cancel(by, at, v, body.reason()));
    }

    /** The school withdraws its request before completion; any hold is voided. */
    @Post("/withdraw")
    public HttpResponse<?> withdraw(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.REQUEST, message = Shapes.REQUEST_MESSAGE) String id,
            @Body @Valid ReasonBody body) {
        long v = body.version().longValueExact();
        return step(caller, id, (by, at) -> new Command.Withdraw(by, at, v, body.reason()));
    }

    private HttpResponse<?> step(Caller caller, String id, MoveRequest.Intent intent) {
        return answer(caller, move.move(caller, id, intent));
    }

    private static HttpResponse<?> answer(Caller caller, Outcome<Moved> outcome) {
        return Responses.of(outcome, moved -> BrokerageAnswers.of(moved, caller));
    }
}

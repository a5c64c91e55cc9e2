package uk.sse.ledger.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.ledger.application.CheckLedger;

/** The ledger's invariants over an area, checked on demand. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "check")
public class CheckController {

    private final CheckLedger check;

    public CheckController(CheckLedger check) {
        this.check = check;
    }

    /**
     * Balances sum to zero, each balance equals its entries, no account but the issuing one is below zero, pending
     * totals equal the open holds, each hold is resolved once, and the issuing account's debits are exactly its
     * allocations and its commissioners' adjustments (no credit minted). {@code ok} is false with the violations named.
     */
    @Get("/ledger/check")
    public HttpResponse<?> check(
            @Authenticated Caller caller,
            @QueryValue @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String area) {
        return Responses.ok(check.check(caller, area));
    }
}

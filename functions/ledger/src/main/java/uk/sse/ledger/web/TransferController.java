package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.OptionalLong;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.AdmitsServices;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.ServiceScope;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;
import uk.sse.ledger.application.MoveCredits;
import uk.sse.ledger.application.ReadLedger;
import uk.sse.ledger.application.ResolveHold;
import uk.sse.ledger.model.TransferId;

/** Transfers, holds and allocations. Each is named by the client's id: sending it again is safe. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "transfers")
public class TransferController {

    /** An allocation's body names both accounts by {@code to}: the credit side and, by its area, the issuing debit side. */
    private static final Map<String, String> ALLOCATION_FIELDS = Map.of("/credit", "/to", "/debit", "/to");

    private final MoveCredits move;
    private final ResolveHold resolve;
    private final ReadLedger read;

    private final OptionalBodies optionalBodies;

    public TransferController(MoveCredits move, ResolveHold resolve, ReadLedger read, OptionalBodies optionalBodies) {
        this.optionalBodies = optionalBodies;
        this.move = move;
        this.resolve = resolve;
        this.read = read;
    }

    /** Moves credits, or with {@code pending} places a hold. The same id with the same body answers the first result. */
    @Post("/transfers")
    @AdmitsServices(ServiceScope.LEDGER_HOLDS)
    public HttpResponse<?> create(@Authenticated Caller caller, @Body @Valid TransferBody body) {
        return Responses.of(
                move.transfer(caller, body.request()),
                result -> LedgerAnswers.of(result, new TransferId(body.id()), HttpStatus.CREATED));
    }

    /** A commissioner's allocation from the area's issuing account. */
    @Post("/allocations")
    public HttpResponse<?> allocate(@Authenticated Caller caller, @Body @Valid AllocationBody body) {
        return Responses.of(
                move.allocate(caller, body.request()),
                result -> LedgerAnswers.of(result, new TransferId(body.id()), HttpStatus.CREATED, ALLOCATION_FIELDS));
    }

    /** A transfer or hold as it stands, to those who may see either of its accounts. */
    @Get("/transfers/{id}")
    @AdmitsServices(ServiceScope.LEDGER_HOLDS)
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.TRANSFER, message = Shapes.TRANSFER_MESSAGE) String id) {
        return Responses.of(read.transfer(caller, new TransferId(id)), t -> HttpResponse.ok(Views.TransferView.of(t)));
    }

    /**
     * Posts a hold, all of it or {@code amount} (the rest is released). Posting the same amount again answers the same.
     * The body is optional: none at all posts the whole hold.
     */
    @Post("/transfers/{id}/post")
    @AdmitsServices(ServiceScope.LEDGER_HOLDS)
    @RequestBody(
            required = false,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostBody.class)))
    public HttpResponse<?> post(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.TRANSFER, message = Shapes.TRANSFER_MESSAGE) String id,
            HttpRequest<?> request) {
        PostBody parsed = optionalBodies.read(request, PostBody.class);
        OptionalLong amount = parsed == null ? OptionalLong.empty() : parsed.amountToPost();
        TransferId transfer = new TransferId(id);
        return Responses.of(
                resolve.post(caller, transfer, amount), result -> LedgerAnswers.of(result, transfer, HttpStatus.OK));
    }

    /** Voids a hold, releasing its credits. Voiding again answers the same. */
    @Post("/transfers/{id}/void")
    @AdmitsServices(ServiceScope.LEDGER_HOLDS)
    public HttpResponse<?> voidHold(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.TRANSFER, message = Shapes.TRANSFER_MESSAGE) String id) {
        TransferId transfer = new TransferId(id);
        return Responses.of(
                resolve.voidHold(caller, transfer), result -> LedgerAnswers.of(result, transfer, HttpStatus.OK));
    }

    /**
     * Moves a pending hold's timeout to {@code timeoutSeconds} from now (never earlier): the brokerage keeps an
     * engagement's hold while its delivery goes on, so a hold nobody keeps cannot lock credits for ever.
     */
    @Post("/transfers/{id}/extend")
    @AdmitsServices(ServiceScope.LEDGER_HOLDS)
    public HttpResponse<?> extend(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.TRANSFER, message = Shapes.TRANSFER_MESSAGE) String id,
            @Body @Valid ExtendBody body) {
        TransferId transfer = new TransferId(id);
        return Responses.of(
                resolve.extend(caller, transfer, body.timeoutSeconds().longValueExact()),
                result -> LedgerAnswers.of(result, transfer, HttpStatus.OK));
    }

    /** The pending engagement holds, soonest timeout first, for the brokerage service's reconciliation only. */
    @Get("/holds")
    @AdmitsServices(ServiceScope.LEDGER_HOLDS)
    public HttpResponse<?> engagementHolds(
            @Authenticated Caller caller,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.of(
                Paging.page(limit, cursor).flatMap(page -> read.engagementHolds(caller, page)),
                page -> HttpResponse.ok(new Page<>(
                        page.items().stream().map(Views.TransferView::of).toList(), page.next())));
    }
}

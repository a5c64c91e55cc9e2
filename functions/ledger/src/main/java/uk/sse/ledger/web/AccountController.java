package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.paging.Paging;
import uk.sse.ledger.application.OpenAccount;
import uk.sse.ledger.application.ReadLedger;
import uk.sse.ledger.model.AccountId;

/** Accounts: opening one, its balances, its statement, and an area's accounts. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "accounts")
public class AccountController {

    private final OpenAccount open;
    private final ReadLedger read;

    public AccountController(OpenAccount open, ReadLedger read) {
        this.open = open;
        this.read = read;
    }

    /** Opens an account (201), or answers the one already open (200). */
    @Post("/accounts")
    public HttpResponse<?> open(@Authenticated Caller caller, @Body @Valid OpenAccountBody body) {
        return Responses.of(
                open.open(caller, AccountId.of(body.area(), body.owner())),
                opened -> HttpResponse.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(Views.AccountView.of(opened.account()))
                        .header(
                                HttpHeaders.LOCATION,
                                "/accounts/" + opened.account().id()));
    }

    /** Balances: posted, pending, and available to spend. */
    @Get("/accounts/{area}/{owner}")
    public HttpResponse<?> one(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String area,
            @PathVariable @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String owner) {
        return Responses.of(
                read.account(caller, AccountId.of(area, owner)), a -> HttpResponse.ok(Views.AccountView.of(a)));
    }

    /** The statement: posted entries newest first, each with the balance after it. */
    @Get("/accounts/{area}/{owner}/entries")
    public HttpResponse<?> entries(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String area,
            @PathVariable @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String owner,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.of(
                Paging.page(limit, cursor).flatMap(page -> read.statement(caller, AccountId.of(area, owner), page)),
                page -> HttpResponse.ok(new Page<>(
                        page.items().stream().map(Views.EntryView::of).toList(), page.next())));
    }

    /** An area's accounts by owner, for its brokers, commissioners and admins. */
    @Get("/accounts")
    public HttpResponse<?> inArea(
            @Authenticated Caller caller,
            @QueryValue @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String area,
            @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) int limit,
            @Nullable @QueryValue String cursor) {
        return Responses.of(
                Paging.page(limit, cursor).flatMap(page -> read.accountsIn(caller, area, page)),
                page -> HttpResponse.ok(new Page<>(
                        page.items().stream().map(Views.AccountView::of).toList(), page.next())));
    }
}

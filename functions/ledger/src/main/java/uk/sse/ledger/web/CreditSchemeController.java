package uk.sse.ledger.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import uk.sse.kernel.http.Responses;
import uk.sse.kernel.identity.Authenticated;
import uk.sse.kernel.identity.Caller;
import uk.sse.ledger.application.SetCreditScheme;

/**
 * An area's credit scheme: what each member school is given each term, and whether unspent entitlement expires at the
 * end of the school year. The ledger's scheme job applies it (decision 0083).
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "credit schemes")
public class CreditSchemeController {

    private final SetCreditScheme schemes;

    public CreditSchemeController(SetCreditScheme schemes) {
        this.schemes = schemes;
    }

    /** The area's scheme, for its brokers, commissioners and admins; an area with none answers version 0, giving nothing. */
    @Get("/ledger/credit-schemes/{area}")
    public HttpResponse<?> creditScheme(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String area) {
        return Responses.of(
                schemes.read(caller, area),
                found -> HttpResponse.ok(
                        found.map(Views.CreditSchemeView::of).orElseGet(() -> Views.CreditSchemeView.none(area))));
    }

    /** Sets the area's scheme: its commissioners only. With {@code version}, only if that is still the scheme's version. */
    @Put("/ledger/credit-schemes/{area}")
    public HttpResponse<?> setCreditScheme(
            @Authenticated Caller caller,
            @PathVariable @Pattern(regexp = Shapes.PART, message = Shapes.PART_MESSAGE) String area,
            @Body @Valid CreditSchemeBody body) {
        return Responses.of(
                schemes.set(
                        caller,
                        area,
                        body.creditsPerTerm().longValueExact(),
                        body.unspentExpires(),
                        body.version() == null ? null : body.version().longValueExact()),
                scheme -> HttpResponse.ok(Views.CreditSchemeView.of(scheme)));
    }
}

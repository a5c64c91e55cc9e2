package uk.sse.brokerage.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The brokerage's OpenAPI description, generated at compile time from the controllers. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "School Support Exchange: brokerage",
                        version = "0.1",
                        description =
                                "Requests for support raised by advisers on school visits, the broker's queue, proposals of "
                                        + "offers, agreements that hold the school's credits in the ledger, delivery, completion (posting the "
                                        + "hold for what was delivered) and evaluation. Every step names the request version it was decided "
                                        + "on; a stale or illegal step is 409 naming the actions allowed. Every call needs a bearer token whose "
                                        + "claims carry role, area and organisation. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class BrokerageApi {

    private BrokerageApi() {}
}

package uk.sse.ledger.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The ledger's OpenAPI description, generated at compile time from the controllers. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "School Support Exchange: ledger",
                        version = "0.1",
                        description =
                                "Credit accounts per organisation and area, allocations, transfers and two-phase holds, statements "
                                        + "and the invariant check. Amounts are whole credits. Transfers are named by the client's id, so a "
                                        + "repeat is safe. Every call needs a bearer token whose claims carry role, area and organisation. "
                                        + "Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class LedgerApi {

    private LedgerApi() {}
}

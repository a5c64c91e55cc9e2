package uk.sse.reporting.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The reporting function's OpenAPI description, generated at compile time from the controller. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "School Support Exchange: reporting",
                        version = "0.1",
                        description =
                                "Commissioners' reports of an area over a period of dates (both included, England's calendar): days "
                                        + "of support by area of support and month, schools supported, providers, credits, balances, service "
                                        + "levels, requests waiting and impact ratings. Each answers JSON, or CSV (RFC 4180, a header row, the "
                                        + "total last) with Accept: text/csv. For the commissioners and admins of the area; every call needs a "
                                        + "bearer token whose claims carry role, area and organisation. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ReportingApi {

    private ReportingApi() {}
}

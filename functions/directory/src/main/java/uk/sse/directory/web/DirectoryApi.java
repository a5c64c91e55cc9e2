package uk.sse.directory.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The directory's OpenAPI description, generated at compile time from the controllers. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "School Support Exchange: directory",
                        version = "0.1",
                        description =
                                "Providers, offers of support, their quality assurance, the areas of support and the school register. "
                                        + "Every call needs a bearer token whose claims carry role, area and organisation. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class DirectoryApi {

    private DirectoryApi() {}
}

package uk.sse.notifier.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The notifier's OpenAPI description, generated at compile time from the controllers. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "School Support Exchange: notifier",
                        version = "0.1",
                        description =
                                "Webhook subscriptions for an area's brokers and admins: brokerage and directory events delivered as "
                                        + "Slack incoming-webhook messages or as the event envelope, signed with the Standard Webhooks headers "
                                        + "(webhook-id, webhook-timestamp, webhook-signature), retried on a schedule, every attempt recorded and "
                                        + "replayable. Only https URLs resolving to public addresses are accepted. Every call needs a bearer "
                                        + "token whose claims carry role, area and organisation. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class NotifierApi {

    private NotifierApi() {}
}

package uk.sse.notifier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Optional;
import uk.sse.notifier.model.NoticeKind;

/**
 * Email through GOV.UK Notify ({@code sse.notifier.email.*}): {@code api-key} (Notify's key, {@code name-serviceId-secret};
 * locally and in the tests) or, in AWS, {@code api-key-arn}: the Secrets Manager secret holding it, read at run time
 * (decision 0103, as the sealing key); without either no email is sent. {@code base-url} (Notify's API; the tests' and the local run's stand-in), and
 * {@code templates}: the Notify template id of each notice kind, by its API name ({@code request-raised: <uuid>}). A
 * kind without a template is not emailed.
 */
@ConfigurationProperties("sse.notifier.email")
public record EmailSettings(
        @Nullable String apiKey,
        @Nullable String apiKeyArn,
        @Nullable String baseUrl,
        @Nullable Map<String, String> templates) {

    public EmailSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.notifications.service.gov.uk" : baseUrl;
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    public boolean enabled() {
        return given(apiKey) || given(apiKeyArn);
    }

    /** Whether the key is read from Secrets Manager rather than configured. */
    public boolean keyIsStored() {
        return given(apiKeyArn);
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }

    public Optional<String> template(NoticeKind kind) {
        return Optional.ofNullable(templates.get(kind.apiName())).filter(t -> !t.isBlank());
    }
}

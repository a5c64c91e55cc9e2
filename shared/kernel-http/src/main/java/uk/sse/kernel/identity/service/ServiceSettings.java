package uk.sse.kernel.identity.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.ServiceScope;

/**
 * How a function gets its own token to call another: in AWS the client-credentials grant of its Cognito app client
 * ({@code tokenUrl}, {@code clientId}, {@code clientSecret}: {@code SSE_SERVICE_TOKEN_URL}, {@code SSE_SERVICE_CLIENT_ID},
 * {@code SSE_SERVICE_CLIENT_SECRET}); locally, without a token URL, a token the local run signs with its own key for
 * {@code clientId}. {@code scopes} are what it asks for.
 */
@ConfigurationProperties("sse.service")
public record ServiceSettings(
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable URI tokenUrl,
        @Nullable List<String> scopes) {

    public ServiceSettings {
        clientId = clientId == null || clientId.isBlank() ? IdentitySettings.LOCAL_BROKERAGE_CLIENT : clientId;
        scopes = scopes == null || scopes.isEmpty()
                ? List.of(ServiceScope.LEDGER_HOLDS, ServiceScope.DIRECTORY_READ)
                : List.copyOf(scopes);
    }
}

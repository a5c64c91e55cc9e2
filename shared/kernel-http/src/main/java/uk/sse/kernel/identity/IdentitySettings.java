package uk.sse.kernel.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Which tokens the functions accept, besides a valid signature and expiry: the issuer, the client ids of the people's
 * apps ({@code clients}) and of the functions that call as themselves ({@code serviceClients}). In AWS these are the
 * user pool's issuer and its app clients' ids ({@code SSE_TOKEN_ISSUER}, {@code SSE_TOKEN_CLIENTS},
 * {@code SSE_SERVICE_CLIENTS}); locally and in tests the names the local run and the test tokens use.
 */
@ConfigurationProperties("sse.identity")
public record IdentitySettings(
        @Nullable String issuer,
        @Nullable List<String> clients,
        @Nullable List<String> serviceClients) {

    public static final String LOCAL_ISSUER = "https://sse.local/identity";
    public static final String LOCAL_WEB_CLIENT = "sse-web";
    public static final String LOCAL_BROKERAGE_CLIENT = "sse-brokerage";

    public IdentitySettings {
        issuer = issuer == null || issuer.isBlank() ? LOCAL_ISSUER : issuer;
        clients = clients == null || clients.isEmpty() ? List.of(LOCAL_WEB_CLIENT) : List.copyOf(clients);
        serviceClients = serviceClients == null || serviceClients.isEmpty()
                ? List.of(LOCAL_BROKERAGE_CLIENT)
                : List.copyOf(serviceClients);
    }

    /** The defaults: the local run's and the tests'. */
    public static IdentitySettings local() {
        return new IdentitySettings(null, null, null);
    }

    public boolean isService(String client) {
        return client != null && serviceClients.contains(client);
    }

    public boolean isKnown(String client) {
        return client != null && (clients.contains(client) || serviceClients.contains(client));
    }
}

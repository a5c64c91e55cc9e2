package uk.sse.kernel.identity.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;
import java.time.Duration;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.TokenClaims;

/**
 * Locally (and in tests) a function's own token is signed with the run's key, with the claims Cognito's
 * client-credentials grant gives: {@code sub} and {@code client_id} the client, {@code scope} its scopes.
 */
@Singleton
@Requires(missingProperty = "sse.service.token-url")
@Requires(beans = JwtTokenGenerator.class)
public class SignedServiceToken extends ServiceCredentials {

    private static final Duration VALID_FOR = Duration.ofHours(1);

    private final JwtTokenGenerator generator;
    private final IdentitySettings identity;
    private final ServiceSettings service;

    public SignedServiceToken(JwtTokenGenerator generator, IdentitySettings identity, ServiceSettings service) {
        this.generator = generator;
        this.identity = identity;
        this.service = service;
    }

    @Override
    protected Issued issue() {
        return new Issued(
                generator
                        .generateToken(TokenClaims.service(identity, service.clientId(), service.scopes(), VALID_FOR))
                        .orElseThrow(() -> new IllegalStateException("the local key signs no token")),
                VALID_FOR);
    }
}

package uk.sse.kernel.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Beyond signature and expiry: the token must be an access token ({@code token_use}), from our issuer, for one of our
 * clients ({@code client_id}, or {@code aud}). So a token for another app or another pool is refused even where a
 * request does not come through the gateway's authorizer.
 */
@Singleton
public class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final IdentitySettings identity;

    public TokenClaimsValidator(IdentitySettings identity) {
        this.identity = identity;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return identity.issuer().equals(text(claims.get(TokenClaims.ISSUER)))
                && TokenClaims.ACCESS.equals(text(claims.get(TokenClaims.TOKEN_USE)))
                && (identity.isKnown(text(claims.get(TokenClaims.CLIENT_ID)))
                        || audienceKnown(claims.get(TokenClaims.AUDIENCE)));
    }

    private boolean audienceKnown(Object audience) {
        if (audience instanceof Collection<?> many) {
            return many.stream().anyMatch(a -> identity.isKnown(text(a)));
        }
        return identity.isKnown(text(audience));
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }
}

package uk.sse.kernel.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of the tokens the functions accept, as Cognito issues them for the web client (a person's access token
 * with the {@code memberships} claim its trigger adds, or in older tokens {@code role}, {@code area} and {@code org})
 * and for a service's client-credentials grant ({@code sub} and {@code client_id} the client, {@code scope} its scopes). The local run and the tests sign
 * these; in AWS only Cognito does.
 */
public final class TokenClaims {

    public static final String ISSUER = "iss";
    public static final String CLIENT_ID = "client_id";
    public static final String AUDIENCE = "aud";
    public static final String TOKEN_USE = "token_use";
    public static final String ACCESS = "access";
    public static final String SCOPE = "scope";

    private TokenClaims() {}

    public static Map<String, Object> person(
            IdentitySettings identity, String subject, Role role, String area, String org, Duration validFor) {
        Map<String, Object> claims =
                common(identity, subject, identity.clients().getFirst(), validFor);
        claims.put(Role.CLAIM, role.name());
        if (area != null) {
            claims.put(Caller.AREA_CLAIM, area);
        }
        if (org != null) {
            claims.put(Caller.ORGANISATION_CLAIM, org);
        }
        return claims;
    }

    /**
     * A person's claims as the pre-token trigger writes them (decision 0080): every membership in {@code memberships},
     * and while there is only one, its {@code role}, {@code area} and {@code org} too, for readers of older tokens.
     */
    public static Map<String, Object> person(
            IdentitySettings identity, String subject, List<Membership> memberships, Duration validFor) {
        if (memberships.isEmpty()) {
            throw new IllegalArgumentException("a person holds at least one membership");
        }
        Map<String, Object> claims = memberships.size() == 1
                ? person(
                        identity,
                        subject,
                        memberships.getFirst().role(),
                        memberships.getFirst().area(),
                        memberships.getFirst().organisation(),
                        validFor)
                : common(identity, subject, identity.clients().getFirst(), validFor);
        claims.put(
                Caller.MEMBERSHIPS_CLAIM,
                memberships.stream().map(Membership::written).toList());
        return claims;
    }

    public static Map<String, Object> service(
            IdentitySettings identity, String client, Collection<String> scopes, Duration validFor) {
        Map<String, Object> claims = common(identity, client, client, validFor);
        claims.put(SCOPE, String.join(" ", scopes));
        return claims;
    }

    private static Map<String, Object> common(
            IdentitySettings identity, String subject, String client, Duration validFor) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put(ISSUER, identity.issuer());
        claims.put(CLIENT_ID, client);
        claims.put(TOKEN_USE, ACCESS);
        claims.put("exp", Instant.now().plus(validFor).getEpochSecond());
        return claims;
    }
}

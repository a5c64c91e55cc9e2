package uk.sse.testing;

import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;

/** Signs bearer tokens the way the identity provider would, with the test key. */
@Singleton
public class Tokens {

    private static final Duration VALID_FOR = Duration.ofHours(1);

    private final JwtTokenGenerator generator;
    private final IdentitySettings identity;

    public Tokens(JwtTokenGenerator generator, IdentitySettings identity) {
        this.generator = generator;
        this.identity = identity;
    }

    /** A person's access token, as the web client gets it. */
    public String bearer(Role role, String area, String organisation) {
        return signed(TokenClaims.person(
                identity,
                role.name().toLowerCase() + "-" + area + "-" + organisation,
                role,
                area,
                organisation,
                VALID_FOR));
    }

    /** A function's own token (the client-credentials grant) with the given scopes, as the brokerage gets it. */
    public String service(String... scopes) {
        return signed(
                TokenClaims.service(identity, IdentitySettings.LOCAL_BROKERAGE_CLIENT, List.of(scopes), VALID_FOR));
    }

    /** Claims as given, signed with the test key: for tokens that must be refused. */
    public String signed(Map<String, Object> claims) {
        return "Bearer " + generator.generateToken(claims).orElseThrow();
    }

    public IdentitySettings identity() {
        return identity;
    }
}

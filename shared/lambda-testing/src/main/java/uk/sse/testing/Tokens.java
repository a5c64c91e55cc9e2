package uk.sse.testing;

import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;

import java.util.HashMap;
import java.util.Map;

/** Signs bearer tokens the way the identity provider would, with the test key. */
@Singleton
public class Tokens {

    private final JwtTokenGenerator generator;

    public Tokens(JwtTokenGenerator generator) {
        this.generator = generator;
    }

    public String bearer(Role role, String area, String organisation) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", role.name().toLowerCase() + "-" + area + "-" + organisation);
        claims.put(Role.CLAIM, role.name());
        if (area != null) {
            claims.put(Caller.AREA_CLAIM, area);
        }
        if (organisation != null) {
            claims.put(Caller.ORGANISATION_CLAIM, organisation);
        }
        claims.put("exp", System.currentTimeMillis() / 1000 + 3600);
        return "Bearer " + generator.generateToken(claims).orElseThrow();
    }
}

package uk.sse.web.session;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * After Cognito's hosted sign-in (authorisation code with PKCE, exchanged by micronaut-security-oauth2): the person is
 * their ID token's subject, and what the session keeps is the access token (which carries the role, area and
 * organisation claims the APIs read) and a name to greet them by.
 */
@Singleton
@Named(CognitoPeople.PROVIDER)
public class CognitoPeople implements OpenIdAuthenticationMapper {

    public static final String PROVIDER = "cognito";
    static final String ACCESS_TOKEN = "accessToken";
    static final String NAME = "name";

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(
            String providerName, OpenIdTokenResponse tokens, OpenIdClaims claims, State state) {
        if (tokens.getAccessToken() == null || claims.getSubject() == null) {
            return Publishers.just(AuthenticationResponse.failure("the identity provider sent no access token"));
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ACCESS_TOKEN, tokens.getAccessToken());
        String name = claims.getName() != null ? claims.getName() : claims.getEmail();
        if (name != null) {
            attributes.put(NAME, name);
        }
        return Publishers.just(AuthenticationResponse.success(claims.getSubject(), attributes));
    }
}

package uk.sse.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.security.token.jwt.signature.jwks.JwksClient;
import io.micronaut.security.token.jwt.signature.jwks.ResourceRetrieverJwksClient;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * In AWS the functions check people's and services' tokens against the identity provider's published keys (JWKS).
 * The Lambda jars carry no Micronaut HTTP client (and so no Netty, decision 0115): micronaut-security-jwt then fetches
 * the keys with its {@link ResourceRetrieverJwksClient}. This module's classpath is the jars': the keys are fetched
 * from a real HTTP endpoint, a token they signed is accepted and one signed by another key is refused.
 */
class JwksWithoutHttpClientTest {

    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

    private final AtomicInteger fetches = new AtomicInteger();
    private RSAKey published;
    private HttpServer server;
    private ApplicationContext context;

    @BeforeEach
    void start() throws Exception {
        published = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
        String jwks = new JWKSet(published.toPublicJWK()).toString();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // as each function's application.yml says (LambdaJarsIT checks the jars for it)
        context = ApplicationContext.run(Map.of(
                "micronaut.security.token.jwt.signatures.jwks.identity-provider.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json",
                "micronaut.security.token.jwt.signatures.jwks-client.http-client.enabled",
                false));
    }

    @AfterEach
    void stop() {
        context.close();
        server.stop(0);
    }

    @Test
    void theKeysAreFetchedWithoutMicronautsHttpClient() {
        assertThatThrownBy(() -> Class.forName("io.micronaut.http.client.DefaultHttpClientRegistry"))
                .as("the kernel's classpath, like the Lambda jars', has no Micronaut HTTP client")
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.netty.channel.Channel")).isInstanceOf(ClassNotFoundException.class);
        assertThat(context.getBean(JwksClient.class)).isInstanceOf(ResourceRetrieverJwksClient.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTokenSignedByThePublishedKeyIsAcceptedAndOneSignedByAnotherIsRefused() throws Exception {
        ReactiveJsonWebTokenValidator<Object, Object> validator = context.getBean(ReactiveJsonWebTokenValidator.class);

        assertThat(Mono.from(validator.validate(token(published), null)).blockOptional(TIMEOUT))
                .as("signed by the key the endpoint publishes")
                .isPresent();
        assertThat(fetches.get()).as("the keys came from the endpoint").isPositive();

        RSAKey other = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
        assertThat(Mono.from(validator.validate(token(other), null)).blockOptional(TIMEOUT))
                .as("same key id, another key")
                .isEmpty();
    }

    private static String token(RSAKey key) throws Exception {
        IdentitySettings identity = IdentitySettings.local();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject("adviser-7")
                        .issuer(identity.issuer())
                        .claim(TokenClaims.TOKEN_USE, TokenClaims.ACCESS)
                        .claim(TokenClaims.CLIENT_ID, IdentitySettings.LOCAL_WEB_CLIENT)
                        .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}

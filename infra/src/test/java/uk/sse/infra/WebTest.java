package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sse.infra.constructs.Identity;

/**
 * The web application: the API's default route without the JWT authorizer (its pages are no API route's paths), the
 * hosted sign-in (authorisation code, PKCE, callback and sign-out under the web's address), its generated keys, and no
 * table of its own.
 */
class WebTest {

    @Test
    void the_default_route_goes_to_the_web_alias_without_the_authorizer_and_nothing_else_does() {
        for (Synthesised s : Synthesised.both()) {
            String alias = s.aliasId("web");
            String integration = s.ofType("AWS::ApiGatewayV2::Integration").entrySet().stream()
                    .filter(e -> Map.of("Ref", alias).equals(e.getValue().get("IntegrationUri")))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            List<Map<String, Object>> routes = s.ofType("AWS::ApiGatewayV2::Route").values().stream()
                    .filter(r -> r.get("Target").toString().contains(integration))
                    .toList();
            assertThat(routes).singleElement().satisfies(route -> {
                assertThat(route.get("RouteKey")).isEqualTo("$default");
                assertThat(route.get("AuthorizationType")).isEqualTo("NONE");
                assertThat(route).doesNotContainKey("AuthorizerId");
            });
            assertThat(s.ofType("AWS::Lambda::Permission").values()).anySatisfy(p -> {
                assertThat(p.get("FunctionName")).isEqualTo(Map.of("Ref", alias));
                assertThat(p.get("Principal")).isEqualTo("apigateway.amazonaws.com");
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_web_client_signs_in_with_the_code_flow_and_comes_back_to_the_web_application() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> client =
                    s.ofType("AWS::Cognito::UserPoolClient").get(s.clientId("web"));
            assertThat(client.get("AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
            assertThat(client.get("AllowedOAuthFlows")).isEqualTo(List.of("code"));
            assertThat((List<String>) client.get("AllowedOAuthScopes"))
                    .containsExactlyInAnyOrder("openid", "email", "profile");
            assertThat(client.get("SupportedIdentityProviders")).isEqualTo(List.of("COGNITO"));
            // a public client (no secret): the code is bound to the browser's session by PKCE
            assertThat(client.get("GenerateSecret")).isEqualTo(false);
            String api = s.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
            List<Object> callbacks = (List<Object>) client.get("CallbackURLs");
            assertThat(callbacks.get(0).toString()).contains(api).contains(Identity.CALLBACK_PATH);
            assertThat(((List<Object>) client.get("LogoutURLs")).get(0).toString())
                    .contains(api)
                    .contains(Identity.SIGNED_OUT_PATH);
            assertThat(callbacks)
                    .hasSize(1
                            + (int) s.stage.webOrigins().stream()
                                    .filter(o -> o.startsWith("https://") || o.startsWith("http://localhost"))
                                    .count());
            assertThat(callbacks.stream().map(Object::toString)).noneMatch(u -> u.startsWith("http://127.0.0.1"));
            assertThat(s.ofType("AWS::Cognito::UserPoolDomain").values())
                    .singleElement()
                    .satisfies(d -> assertThat(d.get("Domain").toString()).contains("sse-" + s.stage.name() + "-"));
        }
        Synthesised prodStack = Synthesised.prod();
        List<Object> prod = (List<Object>) prodStack
                .ofType("AWS::Cognito::UserPoolClient")
                .get(prodStack.clientId("web"))
                .get("CallbackURLs");
        assertThat(prod).contains("https://app.schoolsupport.org.uk/" + Identity.CALLBACK_PATH);
    }

    @Test
    void the_web_function_knows_the_api_the_pool_and_its_keys_and_writes_no_table() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> env = s.environment("web");
            assertThat(env)
                    .containsKeys(
                            "SSE_API_URL",
                            "SSE_WEB_SESSION_KEY",
                            "SSE_WEB_CSRF_KEY",
                            "SSE_COGNITO_CLIENT_ID",
                            "SSE_COGNITO_ISSUER",
                            "SSE_WEB_SIGN_OUT_URL",
                            "MICRONAUT_ENVIRONMENTS");
            String api = s.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
            assertThat(String.valueOf(env.get("SSE_API_URL"))).contains(api).contains("execute-api");
            for (String key : List.of("SSE_WEB_SESSION_KEY", "SSE_WEB_CSRF_KEY")) {
                String secret = s.ofType("AWS::SecretsManager::Secret").keySet().stream()
                        .filter(id -> id.startsWith(key.equals("SSE_WEB_SESSION_KEY") ? "WebSessionKey" : "WebCsrfKey"))
                        .findFirst()
                        .orElseThrow();
                assertThat(String.valueOf(env.get(key)))
                        .as(key)
                        .contains("{{resolve:secretsmanager:")
                        .contains(secret);
            }
            assertThat(String.valueOf(env.get("SSE_WEB_SIGN_OUT_URL")))
                    .contains("/logout?client_id=")
                    .contains("logout_uri=")
                    .contains(Identity.SIGNED_OUT_PATH);
            assertThat(String.valueOf(env.get("SSE_COGNITO_ISSUER"))).contains("cognito-idp.");
            // the registrar's browser PUTs register files to the import bucket: the CSP's connect-src names its origin
            assertThat(String.valueOf(env.get("SSE_WEB_UPLOAD_ORIGINS")))
                    .contains("https://")
                    .contains("RegionalDomainName");
            // it reads the register of areas as itself: its own client's id and secret, that one scope (decision 0085)
            assertThat(env.get("SSE_SERVICE_CLIENT_ID")).isEqualTo(Map.of("Ref", s.clientId("web-service")));
            assertThat(String.valueOf(env.get("SSE_SERVICE_CLIENT_SECRET"))).contains("ClientSecret");
            assertThat(String.valueOf(env.get("SSE_SERVICE_TOKEN_URL"))).contains("/oauth2/token");
            assertThat(env.get("SSE_SERVICE_SCOPES")).isEqualTo("sse/directory.read");
            assertThat(s.statementsOf("web")).noneMatch(st -> st.toString().contains("dynamodb:"));
        }
    }

    @Test
    void the_notifiers_messages_link_to_the_web_application() {
        String api = Synthesised.dev()
                .ofType("AWS::ApiGatewayV2::Api")
                .keySet()
                .iterator()
                .next();
        for (String handler : List.of("notifier-api", "notifier-stream", "notifier-sweeper", "notifier-reminders")) {
            assertThat(String.valueOf(Synthesised.dev().environment(handler).get("SSE_LINK_BASE_URL")))
                    .as(handler)
                    .contains(api);
            assertThat(Synthesised.prod().environment(handler).get("SSE_LINK_BASE_URL"))
                    .as(handler)
                    .isEqualTo("https://app.schoolsupport.org.uk");
        }
    }
}

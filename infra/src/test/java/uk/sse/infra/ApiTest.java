package uk.sse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The HTTP API: every route behind the Cognito JWT authorizer, routed to its function's alias, throttled, logged, CORS for the web client. */
class ApiTest {

    /** The functions behind the API; which paths and methods each is routed is RoutedPathsTest's. */
    static final List<String> API_FUNCTIONS =
            List.of("directory-api", "ledger-api", "brokerage-api", "notifier-api", "reporting-api");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    @SuppressWarnings("unchecked")
    void the_authorizer_trusts_only_tokens_of_the_user_pool_for_the_web_client_and_the_brokerage() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> authorizer = s.ofType("AWS::ApiGatewayV2::Authorizer")
                    .values()
                    .iterator()
                    .next();
            assertThat(authorizer.get("AuthorizerType")).isEqualTo("JWT");
            assertThat(authorizer.get("IdentitySource")).isEqualTo(List.of("$request.header.Authorization"));
            Map<String, Object> jwt = (Map<String, Object>) authorizer.get("JwtConfiguration");
            String pool = s.ofType("AWS::Cognito::UserPool").keySet().iterator().next();
            assertThat(jwt.get("Issuer").toString())
                    .contains("https://cognito-idp.")
                    .contains(pool);
            assertThat(jwt.get("Audience"))
                    .isEqualTo(List.of(
                            Map.of("Ref", s.clientId("web")),
                            Map.of("Ref", s.clientId("brokerage")),
                            Map.of("Ref", s.clientId("web-service"))));
        }
    }

    @Test
    void every_api_route_needs_a_token_and_none_is_ANY_or_a_catch_all() {
        for (Synthesised s : Synthesised.both()) {
            String authorizer = s.ofType("AWS::ApiGatewayV2::Authorizer")
                    .keySet()
                    .iterator()
                    .next();
            // the one catch-all is the web application's default route (WebTest)
            assertThat(s.ofType("AWS::ApiGatewayV2::Route").values().stream()
                            .filter(r -> !"$default".equals(r.get("RouteKey"))))
                    .isNotEmpty()
                    .allSatisfy(route -> {
                        assertThat(route.get("AuthorizationType")).isEqualTo("JWT");
                        assertThat(route.get("AuthorizerId")).isEqualTo(Map.of("Ref", authorizer));
                        assertThat(route.get("RouteKey").toString())
                                .doesNotStartWith("ANY ")
                                .doesNotStartWith("OPTIONS ")
                                .isNotEqualTo("$default");
                    });
        }
    }

    @Test
    void each_functions_routes_go_to_its_live_alias_with_payload_2() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Map<String, Object>> integrations = s.ofType("AWS::ApiGatewayV2::Integration");
            Map<String, Map<String, Object>> routes = s.ofType("AWS::ApiGatewayV2::Route");
            for (String function : API_FUNCTIONS) {
                String alias = s.aliasId(function);
                Set<String> mine = integrations.entrySet().stream()
                        .filter(e -> Map.of("Ref", alias).equals(e.getValue().get("IntegrationUri")))
                        .peek(e -> {
                            assertThat(e.getValue().get("IntegrationType")).isEqualTo("AWS_PROXY");
                            assertThat(e.getValue().get("PayloadFormatVersion")).isEqualTo("2.0");
                        })
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
                assertThat(mine).as(function).hasSize(1);
                assertThat(routes.values())
                        .as(function + " has routes")
                        .anySatisfy(r -> assertThat(Synthesised.mentions(
                                        r.get("Target"), mine.iterator().next()))
                                .isTrue());
            }
        }
    }

    @Test
    void api_gateway_may_invoke_each_api_alias_from_this_api_only() {
        for (Synthesised s : Synthesised.both()) {
            String api = s.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
            for (String function : API_FUNCTIONS) {
                String alias = s.aliasId(function);
                assertThat(s.ofType("AWS::Lambda::Permission").values())
                        .as(function)
                        .anySatisfy(permission -> {
                            assertThat(permission.get("FunctionName")).isEqualTo(Map.of("Ref", alias));
                            assertThat(permission.get("Principal")).isEqualTo("apigateway.amazonaws.com");
                            assertThat(permission.get("SourceArn").toString())
                                    .contains(api)
                                    .contains("execute-api");
                        });
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_stage_throttles_writes_access_logs_and_deploys_itself() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> stage =
                    s.ofType("AWS::ApiGatewayV2::Stage").values().iterator().next();
            assertThat(stage.get("StageName")).isEqualTo("$default");
            assertThat(stage.get("AutoDeploy")).isEqualTo(true);
            Map<String, Object> route = (Map<String, Object>) stage.get("DefaultRouteSettings");
            assertThat(route.get("ThrottlingRateLimit")).isEqualTo(s.stage.apiRateLimit());
            assertThat(route.get("ThrottlingBurstLimit")).isEqualTo(s.stage.apiBurstLimit());
            Map<String, Object> logs = (Map<String, Object>) stage.get("AccessLogSettings");
            assertThat(logs.get("DestinationArn").toString()).contains("AccessLogs");
            assertThat(logs.get("Format").toString())
                    .contains("$context.requestId")
                    .contains("$context.status")
                    .contains("$context.authorizer.error")
                    .doesNotContain("$context.identity.user");
        }
        assertThat(Synthesised.prod().stage.apiRateLimit())
                .isGreaterThan(Synthesised.dev().stage.apiRateLimit());
    }

    @Test
    @SuppressWarnings("unchecked")
    void cors_lets_the_web_client_send_tokens_keys_and_versions_and_read_the_answers_headers() {
        for (Synthesised s : Synthesised.both()) {
            Map<String, Object> cors = (Map<String, Object>) s.ofType("AWS::ApiGatewayV2::Api")
                    .values()
                    .iterator()
                    .next()
                    .get("CorsConfiguration");
            assertThat(cors.get("AllowOrigins")).isEqualTo(s.stage.webOrigins());
            assertThat((List<String>) cors.get("AllowOrigins")).doesNotContain("*");
            assertThat((List<String>) cors.get("AllowHeaders"))
                    .contains("authorization", "idempotency-key", "if-match");
            assertThat((List<String>) cors.get("ExposeHeaders")).contains("etag", "retry-after");
            assertThat((List<String>) cors.get("AllowMethods")).containsExactlyInAnyOrderElementsOf(METHODS);
        }
        assertThat(Synthesised.prod().stage.webOrigins())
                .allSatisfy(origin -> assertThat(origin).startsWith("https://"));
    }
}

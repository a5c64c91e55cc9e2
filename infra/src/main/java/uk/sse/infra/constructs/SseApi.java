package uk.sse.infra.constructs;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CfnAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.CfnRoute;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpIntegrationType;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * The one HTTP API (payload 2.0) in front of every API function. Every route needs a valid token from the user
 * pool (a JWT authorizer; the functions check it again against the JWKS). Routes name their methods rather than
 * {@code ANY}, so that API Gateway answers CORS preflights itself instead of sending them, unauthenticated, to the
 * authorizer. The default stage throttles and writes an access log.
 */
public class SseApi extends Construct {

    /** The methods a route may answer; OPTIONS is API Gateway's own (CORS). */
    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public static final List<String> REQUEST_HEADERS =
            List.of("authorization", "content-type", "idempotency-key", "if-match");
    public static final List<String> RESPONSE_HEADERS =
            List.of("etag", "location", "retry-after", "idempotent-replayed");

    private final HttpApi api;
    private final HttpStage stage;
    private final CfnAuthorizer authorizer;

    public SseApi(Construct scope, String id, StageConfig config, Identity identity, Alarms alarms) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "Api")
                .apiName("sse-" + config.name())
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(config.webOrigins())
                        .allowMethods(List.of(
                                CorsHttpMethod.GET,
                                CorsHttpMethod.POST,
                                CorsHttpMethod.PUT,
                                CorsHttpMethod.PATCH,
                                CorsHttpMethod.DELETE))
                        .allowHeaders(REQUEST_HEADERS)
                        .exposeHeaders(RESPONSE_HEADERS)
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/sse/" + config.name() + "/api-access")
                .retention(config.logRetention())
                .removalPolicy(config.removalPolicy())
                .build();
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.apiRateLimit())
                        .burstLimit(config.apiBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
        authorizer = CfnAuthorizer.Builder.create(this, "Authorizer")
                .apiId(api.getApiId())
                .name("cognito")
                .authorizerType("JWT")
                .identitySource(List.of("$request.header.Authorization"))
                .jwtConfiguration(CfnAuthorizer.JWTConfigurationProperty.builder()
                        .issuer(identity.issuer())
                        // people's access tokens (the web client) and the brokerage's own (client credentials)
                        .audience(List.of(
                                identity.webClient().getUserPoolClientId(),
                                identity.brokerageClient().getUserPoolClientId(),
                                identity.webServiceClient().getUserPoolClientId()))
                        .build())
                .build();

        MetricOptions fiveMinutes =
                MetricOptions.builder().period(Duration.minutes(5)).build();
        alarms.atLeast(
                this,
                "api-5xx",
                "the API answered 5xx",
                stage.metricServerError(fiveMinutes),
                config.alarms().api5xx());
        alarms.atLeast(
                this,
                "api-p99-latency",
                "the API's p99 latency is high",
                stage.metricLatency(MetricOptions.builder()
                        .period(Duration.minutes(5))
                        .statistic("p99")
                        .build()),
                config.alarms().apiP99Latency().toMilliseconds().doubleValue());
    }

    /** HTTP API context variables only (REST-API ones such as $context.identity.user fail the deployment). */
    static final String ACCESS_LOG_FORMAT =
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                    + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"route\":\"$context.routeKey\","
                    + "\"path\":\"$context.path\",\"status\":\"$context.status\",\"length\":\"$context.responseLength\","
                    + "\"latency\":\"$context.responseLatency\",\"integrationLatency\":\"$context.integrationLatency\","
                    + "\"integrationError\":\"$context.integrationErrorMessage\",\"authorizerError\":\"$context.authorizer.error\","
                    + "\"sub\":\"$context.authorizer.claims.sub\"}";

    /**
     * A path and the methods its function serves there, each a route of its own: a method the function does not
     * serve there has no route (it falls to the web's default route, which has no such page), so the stack holds no
     * dead routes (decision 0106).
     */
    public record Routed(String path, List<String> methods) {
        public Routed {
            if (methods.isEmpty() || !METHODS.containsAll(methods)) {
                throw new IllegalArgumentException(path + ": methods " + methods + " not among " + METHODS);
            }
            methods = List.copyOf(methods);
        }
    }

    public static Routed on(String path, String... methods) {
        return new Routed(path, List.of(methods));
    }

    /** Sends each path's methods to the function's alias; it may be invoked by this API only. */
    public void route(String name, SnapStartFunction function, List<Routed> paths) {
        HttpIntegration integration = integration(name, function);
        for (Routed routed : paths) {
            for (String method : routed.methods()) {
                CfnRoute.Builder.create(this, name + method + routed.path().replaceAll("[^A-Za-z0-9]", ""))
                        .apiId(api.getApiId())
                        .routeKey(method + " " + routed.path())
                        .target("integrations/" + integration.getIntegrationId())
                        .authorizationType("JWT")
                        .authorizerId(authorizer.getRef())
                        .build();
            }
        }
    }

    /**
     * Sends everything no API route matches to the web application, without the JWT authorizer: it signs people in
     * itself (Cognito's hosted UI), keeps their session in a cookie and calls the API routes with their token. Its pages'
     * paths are none of the API's (decision 0040).
     */
    public void defaultRoute(String name, SnapStartFunction function) {
        HttpIntegration integration = integration(name, function);
        CfnRoute.Builder.create(this, name + "Default")
                .apiId(api.getApiId())
                .routeKey("$default")
                .target("integrations/" + integration.getIntegrationId())
                .authorizationType("NONE")
                .build();
    }

    private HttpIntegration integration(String name, SnapStartFunction function) {
        HttpIntegration integration = HttpIntegration.Builder.create(this, name + "Integration")
                .httpApi(api)
                .integrationType(HttpIntegrationType.AWS_PROXY)
                .integrationUri(function.alias().getFunctionArn())
                .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                .timeout(Duration.seconds(29))
                .build();
        function.alias()
                .addPermission(
                        name + "FromApi",
                        Permission.builder()
                                .principal(new ServicePrincipal("apigateway.amazonaws.com"))
                                .sourceArn(Stack.of(this)
                                        .formatArn(ArnComponents.builder()
                                                .service("execute-api")
                                                .resource(api.getApiId())
                                                .resourceName("*/*")
                                                .build()))
                                .build());
        return integration;
    }

    /** The API's base URL, which brokerage calls the directory and the ledger through. */
    public String url() {
        return stage.getUrl();
    }

    public HttpApi api() {
        return api;
    }
}

package uk.sse.infra.constructs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnUserPoolClient;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.LambdaVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroupOptions;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import uk.sse.infra.StageConfig;

/**
 * Who may call: a Cognito user pool whose users an admin creates (no self sign-up), one group per role (and, made as
 * areas join, one per role and area, named {@code ROLE@area}), the area and organisation as custom attributes that
 * only admins can set (the web client may read but not write them), and a pre-token-generation trigger that turns
 * these into the {@code memberships} claim the functions read (decision 0080).
 */
public class Identity extends Construct {

    public static final List<String> ROLES =
            List.of("ADVISER", "BROKER", "PROVIDER", "ASSURER", "COMMISSIONER", "ADMIN", "REGISTRAR");
    public static final String TRIGGER_SOURCE = "pre-token-generation.js";
    /** The resource server of the functions' own scopes: {@code sse/ledger.holds}, {@code sse/directory.read}. */
    public static final String RESOURCE_SERVER = "sse";

    public static final String LEDGER_HOLDS = "ledger.holds";
    public static final String DIRECTORY_READ = "directory.read";

    /** Where Cognito's hosted UI sends a person back to, under the web application's address. */
    public static final String CALLBACK_PATH = "oauth/callback/cognito";

    public static final String SIGNED_OUT_PATH = "signed-out";

    private final UserPool pool;
    private final UserPoolClient webClient;
    private final UserPoolClient brokerageClient;
    private final UserPoolClient webServiceClient;
    private final UserPoolDomain domain;

    public Identity(Construct scope, String id, StageConfig stage) {
        super(scope, id);
        pool = UserPool.Builder.create(this, "Users")
                .userPoolName("sse-" + stage.name() + "-users")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .signInCaseSensitive(false)
                .customAttributes(Map.of(
                        "area",
                                StringAttribute.Builder.create()
                                        .minLen(1)
                                        .maxLen(32)
                                        .mutable(true)
                                        .build(),
                        "org",
                                StringAttribute.Builder.create()
                                        .minLen(1)
                                        .maxLen(64)
                                        .mutable(true)
                                        .build()))
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireSymbols(false)
                        .build())
                .mfa(stage.protectData() ? Mfa.REQUIRED : Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                // the Essentials plan lets the trigger customise access tokens, not only ID tokens
                .featurePlan(FeaturePlan.ESSENTIALS)
                .deletionProtection(stage.protectData())
                .removalPolicy(stage.removalPolicy())
                .build();
        for (int i = 0; i < ROLES.size(); i++) {
            pool.addGroup(
                    ROLES.get(i),
                    UserPoolGroupOptions.builder()
                            .groupName(ROLES.get(i))
                            .precedence(i)
                            .build());
        }
        String triggerName = "sse-" + stage.name() + "-pre-token-generation";
        Function trigger = Function.Builder.create(this, "PreTokenGeneration")
                .functionName(triggerName)
                .runtime(Runtime.NODEJS_22_X)
                .architecture(Architecture.ARM_64)
                .handler("index.handler")
                .code(Code.fromInline(triggerSource()))
                .timeout(Duration.seconds(5))
                .logGroup(LogGroup.Builder.create(this, "TriggerLogs")
                        .logGroupName("/aws/lambda/" + triggerName)
                        .retention(stage.logRetention())
                        .removalPolicy(stage.removalPolicy())
                        .build())
                .build();
        pool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger, LambdaVersion.V2_0);

        webClient = pool.addClient(
                "WebClient",
                UserPoolClientOptions.builder()
                        .userPoolClientName("sse-" + stage.name() + "-web")
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder().userSrp(true).build())
                        .preventUserExistenceErrors(true)
                        .enableTokenRevocation(true)
                        .accessTokenValidity(Duration.hours(1))
                        .idTokenValidity(Duration.hours(1))
                        .refreshTokenValidity(Duration.days(stage.protectData() ? 1 : 30))
                        .readAttributes(new ClientAttributes()
                                .withStandardAttributes(StandardAttributesMask.builder()
                                        .email(true)
                                        .emailVerified(true)
                                        .fullname(true)
                                        .build())
                                .withCustomAttributes("area", "org"))
                        // a user must never set their own area or organisation
                        .writeAttributes(new ClientAttributes()
                                .withStandardAttributes(StandardAttributesMask.builder()
                                        .fullname(true)
                                        .build()))
                        .build());

        ResourceServerScope holds = ResourceServerScope.Builder.create()
                .scopeName(LEDGER_HOLDS)
                .scopeDescription("place, post, void and extend engagement holds")
                .build();
        ResourceServerScope read = ResourceServerScope.Builder.create()
                .scopeName(DIRECTORY_READ)
                .scopeDescription("read the register and approved offers, and search them")
                .build();
        UserPoolResourceServer services = pool.addResourceServer(
                "Services",
                UserPoolResourceServerOptions.builder()
                        .identifier(RESOURCE_SERVER)
                        .userPoolResourceServerName("sse-" + stage.name() + "-services")
                        .scopes(List.of(holds, read))
                        .build());
        domain = pool.addDomain(
                "Domain",
                UserPoolDomainOptions.builder()
                        .cognitoDomain(CognitoDomainOptions.builder()
                                .domainPrefix("sse-" + stage.name() + "-"
                                        + Stack.of(this).getAccount())
                                .build())
                        .build());
        brokerageClient = pool.addClient(
                "BrokerageClient",
                UserPoolClientOptions.builder()
                        .userPoolClientName("sse-" + stage.name() + "-brokerage")
                        .generateSecret(true)
                        .authFlows(AuthFlow.builder().build())
                        .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .clientCredentials(true)
                                        .build())
                                .scopes(List.of(
                                        OAuthScope.resourceServer(services, holds),
                                        OAuthScope.resourceServer(services, read)))
                                .build())
                        .accessTokenValidity(Duration.hours(1))
                        .enableTokenRevocation(true)
                        .build());
        // it signs in no person: without this Cognito would allow the SRP and custom sign-in flows by default
        ((CfnUserPoolClient) brokerageClient.getNode().getDefaultChild())
                .setExplicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH"));
        // the web reads the directory's register of areas as itself (decision 0085): that one scope, no person's token
        webServiceClient = pool.addClient(
                "WebServiceClient",
                UserPoolClientOptions.builder()
                        .userPoolClientName("sse-" + stage.name() + "-web-service")
                        .generateSecret(true)
                        .authFlows(AuthFlow.builder().build())
                        .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder()
                                        .clientCredentials(true)
                                        .build())
                                .scopes(List.of(OAuthScope.resourceServer(services, read)))
                                .build())
                        .accessTokenValidity(Duration.hours(1))
                        .enableTokenRevocation(true)
                        .build());
        ((CfnUserPoolClient) webServiceClient.getNode().getDefaultChild())
                .setExplicitAuthFlows(List.of("ALLOW_REFRESH_TOKEN_AUTH"));
    }

    /**
     * The web application signs people in through the hosted UI: the authorisation code flow (with PKCE, which Cognito
     * accepts from a client without a secret), OpenID scopes, back to {@code <web>/oauth/callback/cognito}; signing out
     * ends at {@code <web>/signed-out}. {@code webAddresses} end with "/".
     */
    public void signInFor(List<String> webAddresses) {
        CfnUserPoolClient client = (CfnUserPoolClient) webClient.getNode().getDefaultChild();
        client.setAllowedOAuthFlowsUserPoolClient(true);
        client.setAllowedOAuthFlows(List.of("code"));
        client.setAllowedOAuthScopes(List.of("openid", "email", "profile"));
        client.setSupportedIdentityProviders(List.of("COGNITO"));
        client.setCallbackUrLs(webAddresses.stream().map(a -> a + CALLBACK_PATH).toList());
        client.setLogoutUrLs(webAddresses.stream().map(a -> a + SIGNED_OUT_PATH).toList());
    }

    /** Where signing out of the web application ends: the hosted UI's logout, which then sends the person to {@code <web>/signed-out}. */
    public String signOutUrl(String webAddress) {
        return domain.baseUrl() + "/logout?client_id=" + webClient.getUserPoolClientId() + "&logout_uri=" + webAddress
                + SIGNED_OUT_PATH;
    }

    public UserPoolDomain domain() {
        return domain;
    }

    public UserPool pool() {
        return pool;
    }

    public UserPoolClient webClient() {
        return webClient;
    }

    /** The brokerage's own app client: the client-credentials grant, the scopes it needs (decision 0030). */
    public UserPoolClient brokerageClient() {
        return brokerageClient;
    }

    /** The web function's own app client: the client-credentials grant, {@code directory.read} only (decision 0085). */
    public UserPoolClient webServiceClient() {
        return webServiceClient;
    }

    /** Where a function exchanges its client's id and secret for a token ({@code SSE_SERVICE_TOKEN_URL}). */
    public String tokenUrl() {
        return domain.baseUrl() + "/oauth2/token";
    }

    /**
     * What every API function checks of a token besides its signature: the issuer, the people's client and the service
     * clients ({@code SSE_TOKEN_ISSUER}, {@code SSE_TOKEN_CLIENTS}, {@code SSE_SERVICE_CLIENTS}).
     */
    public java.util.Map<String, String> tokenChecks() {
        return java.util.Map.of(
                "SSE_TOKEN_ISSUER",
                issuer(),
                "SSE_TOKEN_CLIENTS",
                webClient.getUserPoolClientId(),
                "SSE_SERVICE_CLIENTS",
                software.amazon.awscdk.Fn.join(
                        ",", List.of(brokerageClient.getUserPoolClientId(), webServiceClient.getUserPoolClientId())));
    }

    /** The user pool's issuer, which the API's JWT authorizer trusts. */
    public String issuer() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
    }

    /** Where the functions fetch the pool's signing keys ({@code SSE_JWKS_URL}). */
    public String jwksUrl() {
        return issuer() + "/.well-known/jwks.json";
    }

    public static String triggerSource() {
        try (InputStream in = Identity.class.getResourceAsStream("/uk/sse/infra/" + TRIGGER_SOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

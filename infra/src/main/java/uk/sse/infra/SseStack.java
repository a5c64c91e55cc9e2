package uk.sse.infra;

import static uk.sse.infra.constructs.SseApi.on;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;
import uk.sse.infra.constructs.Alarms;
import uk.sse.infra.constructs.FunctionTable;
import uk.sse.infra.constructs.Identity;
import uk.sse.infra.constructs.LedgerCheck;
import uk.sse.infra.constructs.OperationsDashboard;
import uk.sse.infra.constructs.RegisterImports;
import uk.sse.infra.constructs.ReportingDatabase;
import uk.sse.infra.constructs.SearchDomain;
import uk.sse.infra.constructs.SnapStartFunction;
import uk.sse.infra.constructs.SseApi;
import uk.sse.infra.constructs.StreamConsumer;
import uk.sse.infra.constructs.Sweeper;

/**
 * The whole system for one stage. Each function owns its table and nothing else: it may read and write that table,
 * read the streams it consumes, and reach what it calls (OpenSearch, Aurora, the API itself); no function can
 * write another's table.
 */
public class SseStack extends Stack {

    static final String API = "uk.sse.kernel.http.HttpApiFunction";
    static final Duration API_TIMEOUT = Duration.seconds(29);
    static final Duration STREAM_TIMEOUT = Duration.minutes(2);
    static final Duration SWEEP_TIMEOUT = Duration.minutes(1);
    /** The ledger check reads every area's accounts, transfers and entries. */
    static final Duration CHECK_TIMEOUT = Duration.minutes(10);

    public SseStack(
            Construct scope, String id, StackProps props, StageConfig stage, Artefacts artefacts, String alarmEmail) {
        super(scope, id, props);
        Tags.of(this).add("system", "school-support-exchange");
        Tags.of(this).add("stage", stage.name());

        Alarms alarms = new Alarms(this, "Alarms", stage.name(), alarmEmail);
        Identity identity = new Identity(this, "Identity", stage);
        SseApi api = new SseApi(this, "Http", stage, identity, alarms);
        SearchDomain search = new SearchDomain(this, "Search", stage, alarms);
        Vpc vpc = Vpc.Builder.create(this, "Network")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(stage.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("public")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("functions")
                                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("data")
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24)
                                .build()))
                .build();
        ReportingDatabase database = new ReportingDatabase(this, "Reporting", vpc, stage);

        Table directoryTable = table("Directory", new FunctionTable.Spec("directory", 2, FunctionTable.TTL), stage);
        Table ledgerTable = table("Ledger", new FunctionTable.Spec("ledger", 2, null), stage);
        Table brokerageTable = table("Brokerage", new FunctionTable.Spec("brokerage", 3, FunctionTable.TTL), stage);
        Table notifierTable = table("Notifier", new FunctionTable.Spec("notifier", 2, FunctionTable.TTL), stage);
        Secret erasureKey = erasureKey(stage);

        String jwks = identity.jwksUrl();
        // the sentence-embedding model and its runtime, for the modules that embed text (decision 0055)
        LayerVersion embeddings = LayerVersion.Builder.create(this, "EmbeddingsLayer")
                .layerVersionName("sse-" + stage.name() + "-embeddings")
                .description("School Support Exchange: the sentence-embedding model and ONNX Runtime (java/lib)")
                .code(artefacts.embeddingsLayer())
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(SnapStartFunction.ARCHITECTURE))
                .removalPolicy(stage.removalPolicy())
                .build();
        Factory functions = new Factory(
                stage, artefacts, alarms, Map.of("directory", List.of(embeddings), "indexer", List.of(embeddings)));

        // directory: providers, offers, assurance, the register, search (reads OpenSearch)
        Map<String, String> directoryEnv = withTokenChecks(
                identity,
                Map.of(
                        "SSE_DIRECTORY_TABLE",
                        directoryTable.getTableName(),
                        "SSE_OPENSEARCH_URL",
                        search.url(),
                        "SSE_JWKS_URL",
                        jwks));
        SnapStartFunction directory = functions.make(
                this,
                "DirectoryApi",
                new SnapStartFunction.Spec(
                        "directory-api", "directory", API, API_TIMEOUT, erasing(directoryEnv, erasureKey)),
                null);
        directoryTable.grantReadWriteData(directory.function());
        erasureKey.grantRead(directory.function());
        search.grantSearch(directory.function());
        api.route(
                "Directory",
                directory,
                List.of(
                        on("/providers", "GET", "POST"),
                        on("/providers/{proxy+}", "GET", "POST", "PUT"),
                        on("/offers", "GET", "POST"),
                        on("/offers/{proxy+}", "GET", "POST", "PUT"),
                        on("/assurance/{proxy+}", "GET"),
                        on("/schools", "GET"),
                        on("/schools/{proxy+}", "GET", "POST"),
                        on("/postcodes/{proxy+}", "GET", "POST"),
                        on("/search/{proxy+}", "GET"),
                        on("/taxonomy", "GET"),
                        on("/areas", "GET"),
                        on("/areas/{proxy+}", "GET", "PUT")));
        SnapStartFunction directorySignals = functions.make(
                this,
                "DirectorySignals",
                new SnapStartFunction.Spec(
                        "directory-signals",
                        "directory",
                        "uk.sse.directory.signals.RecordEngagementOutcomes",
                        STREAM_TIMEOUT,
                        directoryEnv),
                null);
        directoryTable.grantReadWriteData(directorySignals.function());
        search.grantSearch(directorySignals.function());
        new StreamConsumer(
                this,
                "DirectorySignalsStreams",
                "directory-signals",
                directorySignals,
                Map.of("brokerage", brokerageTable),
                StreamConsumer.Feed.EVENTS,
                stage,
                alarms);
        // the register's imports: a file's arrival in the import bucket runs its job; a schedule fetches GIAS's daily
        // file
        Map<String, String> importEnv = Map.of("SSE_DIRECTORY_TABLE", directoryTable.getTableName());
        SnapStartFunction registerImport = functions.make(
                this,
                "RegisterImport",
                new SnapStartFunction.Spec(
                        "register-import",
                        "directory",
                        "uk.sse.directory.imports.trigger.ImportArrivals",
                        RegisterImports.IMPORT_TIMEOUT,
                        importEnv),
                null);
        directoryTable.grantReadWriteData(registerImport.function());
        SnapStartFunction registerFetch = functions.make(
                this,
                "RegisterFetch",
                new SnapStartFunction.Spec(
                        "register-fetch",
                        "directory",
                        "uk.sse.directory.imports.trigger.FetchDailyRegister",
                        RegisterImports.FETCH_TIMEOUT,
                        importEnv),
                null);
        directoryTable.grantReadWriteData(registerFetch.function());
        RegisterImports imports =
                new RegisterImports(this, "RegisterImports", stage, alarms, directory, registerImport, registerFetch);

        // indexer: the directory table's stream into OpenSearch; reads the table for a rebuild, never writes it
        SnapStartFunction indexer = functions.make(
                this,
                "Indexer",
                new SnapStartFunction.Spec(
                        "indexer",
                        "indexer",
                        "uk.sse.indexer.IndexDirectoryChanges",
                        STREAM_TIMEOUT,
                        Map.of(
                                "SSE_DIRECTORY_TABLE",
                                directoryTable.getTableName(),
                                "SSE_OPENSEARCH_URL",
                                search.url())),
                null);
        directoryTable.grantReadData(indexer.function());
        search.grantWrite(indexer.function());
        new StreamConsumer(
                this,
                "IndexerStreams",
                "indexer",
                indexer,
                Map.of("directory", directoryTable),
                StreamConsumer.Feed.ALL,
                stage,
                alarms);

        // ledger: accounts, transfers, holds; a sweeper voids expired holds
        Map<String, String> ledgerEnv =
                withTokenChecks(identity, Map.of("SSE_LEDGER_TABLE", ledgerTable.getTableName(), "SSE_JWKS_URL", jwks));
        SnapStartFunction ledger = functions.make(
                this,
                "LedgerApi",
                new SnapStartFunction.Spec("ledger-api", "ledger", API, API_TIMEOUT, erasing(ledgerEnv, erasureKey)),
                null);
        ledgerTable.grantReadWriteData(ledger.function());
        erasureKey.grantRead(ledger.function());
        api.route(
                "Ledger",
                ledger,
                List.of(
                        on("/accounts", "GET", "POST"),
                        on("/accounts/{proxy+}", "GET"),
                        on("/transfers", "POST"),
                        on("/transfers/{proxy+}", "GET", "POST"),
                        on("/allocations", "POST"),
                        on("/holds", "GET"),
                        on("/ledger/{proxy+}", "GET", "POST", "PUT")));
        SnapStartFunction ledgerSweeper = functions.make(
                this,
                "LedgerSweeper",
                new SnapStartFunction.Spec(
                        "ledger-sweeper", "ledger", "uk.sse.ledger.sweep.SweepDueHolds", SWEEP_TIMEOUT, ledgerEnv),
                null);
        ledgerTable.grantReadWriteData(ledgerSweeper.function());
        new Sweeper(this, "HoldExpiry", "hold-expiry", ledgerSweeper, Duration.minutes(1), stage.name());
        SnapStartFunction ledgerCheck = functions.make(
                this,
                "LedgerCheck",
                new SnapStartFunction.Spec(
                        "ledger-check",
                        "ledger",
                        "uk.sse.ledger.check.CheckLedgerOnSchedule",
                        CHECK_TIMEOUT,
                        ledgerEnv),
                null);
        ledgerTable.grantReadData(ledgerCheck.function());
        new LedgerCheck(this, "LedgerInvariants", ledgerCheck, stage.name(), alarms);
        // the areas' credit schemes: each member school's entitlement for the term, and last year's unspent expired,
        // once each
        SnapStartFunction ledgerEntitlements = functions.make(
                this,
                "LedgerEntitlements",
                new SnapStartFunction.Spec(
                        "ledger-entitlements",
                        "ledger",
                        "uk.sse.ledger.entitlements.GiveEntitlementsOnSchedule",
                        CHECK_TIMEOUT,
                        ledgerEnv),
                null);
        ledgerTable.grantReadWriteData(ledgerEntitlements.function());
        new Sweeper(this, "Entitlements", "entitlements", ledgerEntitlements, Duration.days(1), stage.name());
        new uk.sse.infra.constructs.EntitlementsAlarm(this, "EntitlementsNotRun", stage.name(), alarms);

        // brokerage: calls the directory's search and the ledger over this API as itself (its app client's
        // client-credentials token, decision 0030); its reconciliation brings the ledger's engagement holds and its
        // engagements into agreement every five minutes
        Map<String, String> brokerageEnv = new LinkedHashMap<>(withTokenChecks(
                identity,
                Map.of(
                        "SSE_BROKERAGE_TABLE",
                        brokerageTable.getTableName(),
                        "SSE_JWKS_URL",
                        jwks,
                        "SSE_DIRECTORY_URL",
                        api.url(),
                        "SSE_LEDGER_URL",
                        api.url())));
        brokerageEnv.put("SSE_SERVICE_TOKEN_URL", identity.tokenUrl());
        brokerageEnv.put("SSE_SERVICE_CLIENT_ID", identity.brokerageClient().getUserPoolClientId());
        brokerageEnv.put(
                "SSE_SERVICE_CLIENT_SECRET",
                identity.brokerageClient().getUserPoolClientSecret().unsafeUnwrap());
        SnapStartFunction brokerage = functions.make(
                this,
                "BrokerageApi",
                new SnapStartFunction.Spec(
                        "brokerage-api", "brokerage", API, API_TIMEOUT, erasing(brokerageEnv, erasureKey)),
                null);
        brokerageTable.grantReadWriteData(brokerage.function());
        erasureKey.grantRead(brokerage.function());
        api.route(
                "Brokerage",
                brokerage,
                List.of(on("/requests", "GET", "POST"), on("/requests/{proxy+}", "GET", "POST")));
        SnapStartFunction reconciliation = functions.make(
                this,
                "BrokerageReconciliation",
                new SnapStartFunction.Spec(
                        "brokerage-reconciliation",
                        "brokerage",
                        "uk.sse.brokerage.reconcile.ReconcileOnSchedule",
                        SWEEP_TIMEOUT,
                        brokerageEnv),
                null);
        brokerageTable.grantReadWriteData(reconciliation.function());
        new Sweeper(
                this,
                "EngagementReconciliation",
                "engagement-reconciliation",
                reconciliation,
                Duration.minutes(5),
                stage.name());
        // retention (decision 0111): once a day, the texts of requests closed two years ago are redacted in place; it
        // calls no function, so it gets the table and nothing else (its one-off pointing of every closed request reads
        // the whole table, hence the check's timeout)
        SnapStartFunction retention = functions.make(
                this,
                "BrokerageRetention",
                new SnapStartFunction.Spec(
                        "brokerage-retention",
                        "brokerage",
                        "uk.sse.brokerage.retention.RedactTextsOnSchedule",
                        CHECK_TIMEOUT,
                        Map.of("SSE_BROKERAGE_TABLE", brokerageTable.getTableName())),
                null);
        brokerageTable.grantReadWriteData(retention.function());
        new Sweeper(this, "TextRetention", "text-retention", retention, Duration.days(1), stage.name());

        // notifier: webhook subscriptions, deliveries from four streams (its own carries "subscription disabled"),
        // retries on
        // a schedule; outbound HTTPS. The key that seals the signing secrets is generated by Secrets Manager and read
        // by
        // the functions at run time (decisions 0022 and 0103): the environment names the secret, never holds it.
        Secret sealingKey = Secret.Builder.create(this, "NotifierSealingKey")
                .description("seals the notifier's webhook signing secrets")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(stage.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        // its messages link to the web's pages: at the stage's own web address if it has one, else the API's (its
        // default route)
        String webAddress = stage.webOrigins().stream()
                .filter(o -> o.startsWith("https://"))
                .findFirst()
                .orElse(api.url());
        // GOV.UK Notify's API key is a secret the operators put in Secrets Manager (it is Notify's to issue, not ours
        // to
        // generate); like the sealing key it is read at run time (decision 0103); the template ids are not secret
        // (decision 0075, operations.md)
        Secret notifyKey = Secret.Builder.create(this, "NotifyApiKey")
                .description("GOV.UK Notify API key the notifier sends email with")
                .removalPolicy(stage.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Map<String, String> notifierVariables = new java.util.LinkedHashMap<>(Map.of(
                "SSE_NOTIFIER_TABLE",
                notifierTable.getTableName(),
                "SSE_JWKS_URL",
                jwks,
                "SSE_NOTIFIER_SECRET_KEY_ARN",
                sealingKey.getSecretArn(),
                "SSE_LINK_BASE_URL",
                webAddress,
                "SSE_NOTIFIER_EMAIL_API_KEY_ARN",
                notifyKey.getSecretArn()));
        notifyTemplates()
                .forEach((kind, template) -> notifierVariables.put(
                        "SSE_NOTIFIER_EMAIL_TEMPLATES_"
                                + kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                        template));
        Map<String, String> notifierEnv = withTokenChecks(identity, notifierVariables);
        SnapStartFunction notifier = functions.make(
                this,
                "NotifierApi",
                new SnapStartFunction.Spec(
                        "notifier-api", "notifier", API, API_TIMEOUT, erasing(notifierEnv, erasureKey)),
                null);
        notifierTable.grantReadWriteData(notifier.function());
        erasureKey.grantRead(notifier.function());
        sealingKey.grantRead(notifier.function());
        notifyKey.grantRead(notifier.function());
        api.route(
                "Notifier",
                notifier,
                List.of(
                        on("/subscriptions", "GET", "POST"),
                        on("/subscriptions/{proxy+}", "GET", "POST", "PUT", "DELETE"),
                        on("/notices", "GET"),
                        on("/notices/{proxy+}", "GET", "POST", "PUT")));
        SnapStartFunction notifierStream = functions.make(
                this,
                "NotifierStream",
                new SnapStartFunction.Spec(
                        "notifier-stream",
                        "notifier",
                        "uk.sse.notifier.stream.NotifyOnEvents",
                        STREAM_TIMEOUT,
                        notifierEnv),
                null);
        notifierTable.grantReadWriteData(notifierStream.function());
        sealingKey.grantRead(notifierStream.function());
        notifyKey.grantRead(notifierStream.function());
        new StreamConsumer(
                this,
                "NotifierStreams",
                "notifier-stream",
                notifierStream,
                ordered(
                        "brokerage",
                        brokerageTable,
                        "directory",
                        directoryTable,
                        "ledger",
                        ledgerTable,
                        "notifier",
                        notifierTable),
                StreamConsumer.Feed.EVENTS,
                stage,
                alarms);
        SnapStartFunction notifierSweeper = functions.make(
                this,
                "NotifierSweeper",
                new SnapStartFunction.Spec(
                        "notifier-sweeper",
                        "notifier",
                        "uk.sse.notifier.sweep.RetryDueDeliveries",
                        SWEEP_TIMEOUT,
                        notifierEnv),
                null);
        notifierTable.grantReadWriteData(notifierSweeper.function());
        sealingKey.grantRead(notifierSweeper.function());
        notifyKey.grantRead(notifierSweeper.function());
        new Sweeper(this, "WebhookRetries", "webhook-retries", notifierSweeper, Duration.minutes(1), stage.name());
        // reminders when time passes (decision 0076): the dates are the notifier's own, kept from the events it reads
        SnapStartFunction notifierReminders = functions.make(
                this,
                "NotifierReminders",
                new SnapStartFunction.Spec(
                        "notifier-reminders",
                        "notifier",
                        "uk.sse.notifier.sweep.SendReminders",
                        SWEEP_TIMEOUT,
                        notifierEnv),
                null);
        notifierTable.grantReadWriteData(notifierReminders.function());
        sealingKey.grantRead(notifierReminders.function());
        notifyKey.grantRead(notifierReminders.function());
        new Sweeper(this, "Reminders", "reminders", notifierReminders, Duration.hours(1), stage.name());

        // reporting: the read model in Aurora, projected from three streams; in the VPC
        Map<String, String> reportingEnv = withTokenChecks(
                identity,
                Map.of(
                        "SSE_REPORTING_JDBC_URL",
                        database.jdbcUrl(),
                        "SSE_REPORTING_DB_SECRET_ARN",
                        database.secret().getSecretArn(),
                        "SSE_JWKS_URL",
                        jwks));
        SnapStartFunction reporting = functions.make(
                this,
                "ReportingApi",
                new SnapStartFunction.Spec("reporting-api", "reporting", API, API_TIMEOUT, reportingEnv),
                vpc);
        database.allow(reporting.function(), reporting.function());
        api.route("Reporting", reporting, List.of(on("/reports/{proxy+}", "GET")));
        SnapStartFunction projection = functions.make(
                this,
                "ReportingProjection",
                new SnapStartFunction.Spec(
                        "reporting-projection",
                        "reporting",
                        "uk.sse.reporting.projection.ProjectEvents",
                        STREAM_TIMEOUT,
                        reportingEnv),
                vpc);
        database.allow(projection.function(), projection.function());
        new StreamConsumer(
                this,
                "ReportingStreams",
                "reporting-projection",
                projection,
                ordered("brokerage", brokerageTable, "ledger", ledgerTable, "directory", directoryTable),
                StreamConsumer.Feed.ALL,
                stage,
                alarms);

        // web: the pages people use, on the API's default route; it owns no table and calls the API with the person's
        // token
        // (decisions 0040 and 0041). Its session and CSRF keys are generated secrets, resolved at deploy time.
        Secret sessionKey = generatedSecret("WebSessionKey", "seals the web application's session cookies", stage);
        Secret csrfKey = generatedSecret("WebCsrfKey", "signs the web application's CSRF tokens", stage);
        List<String> webAddresses = new java.util.ArrayList<>(List.of(api.url()));
        stage.webOrigins().stream()
                .filter(o -> o.startsWith("https://") || o.startsWith("http://localhost"))
                .map(o -> o.endsWith("/") ? o : o + "/")
                .forEach(webAddresses::add);
        identity.signInFor(webAddresses);
        Map<String, String> webEnv = new LinkedHashMap<>(Map.of(
                "SSE_API_URL",
                api.url(),
                "SSE_WEB_SESSION_KEY",
                sessionKey.getSecretValue().unsafeUnwrap(),
                "SSE_WEB_CSRF_KEY",
                csrfKey.getSecretValue().unsafeUnwrap(),
                "SSE_COGNITO_CLIENT_ID",
                identity.webClient().getUserPoolClientId(),
                "SSE_COGNITO_ISSUER",
                identity.issuer(),
                "SSE_WEB_SIGN_OUT_URL",
                identity.signOutUrl(api.url()),
                // the registrar's browser PUTs register files to the import bucket's presigned URLs (its CSP
                // connect-src)
                "SSE_WEB_UPLOAD_ORIGINS",
                "https://" + imports.bucket().getBucketRegionalDomainName()));
        // it reads the directory's register of areas as itself: its own client, directory.read only (decision 0085)
        webEnv.put("SSE_SERVICE_TOKEN_URL", identity.tokenUrl());
        webEnv.put("SSE_SERVICE_CLIENT_ID", identity.webServiceClient().getUserPoolClientId());
        webEnv.put(
                "SSE_SERVICE_CLIENT_SECRET",
                identity.webServiceClient().getUserPoolClientSecret().unsafeUnwrap());
        webEnv.put("SSE_SERVICE_SCOPES", "sse/directory.read");
        SnapStartFunction web = functions.make(
                this, "WebApi", new SnapStartFunction.Spec("web", "web", API, API_TIMEOUT, webEnv), null);
        api.defaultRoute("Web", web);

        new OperationsDashboard(this, "Dashboard", stage.name());

        output("ApiUrl", api.url());
        output("WebUrl", api.url());
        output("SignInDomain", identity.domain().baseUrl());
        output("UserPoolId", identity.pool().getUserPoolId());
        output("WebClientId", identity.webClient().getUserPoolClientId());
        output("BrokerageClientId", identity.brokerageClient().getUserPoolClientId());
        output("TokenUrl", identity.tokenUrl());
        output("JwksUrl", jwks);
        output("OpenSearchUrl", search.url());
        output("ReportingJdbcUrl", database.jdbcUrl());
        output("ReportingSecretArn", database.secret().getSecretArn());
        output("AlarmTopicArn", alarms.topic().getTopicArn());
        output("ImportBucketName", imports.bucket().getBucketName());
    }

    private Secret generatedSecret(String id, String description, StageConfig stage) {
        return Secret.Builder.create(this, id)
                .description(description)
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(stage.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
    }

    private Table table(String id, FunctionTable.Spec spec, StageConfig stage) {
        Table table = new FunctionTable(this, id + "Table", spec, stage).table();
        output(id + "TableName", table.getTableName());
        return table;
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }

    /** A function's environment with what it checks of every token (decision 0030). */
    /**
     * The Notify template of each kind of notice, from the CDK context {@code notifyTemplates}: a map, or text
     * {@code request-raised=<uuid>,proposal-addressed=<uuid>,...} (operations.md). A kind without one is not emailed.
     */
    private Map<String, String> notifyTemplates() {
        Object given = getNode().tryGetContext("notifyTemplates");
        Map<String, String> templates = new LinkedHashMap<>();
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> templates.put(String.valueOf(k), String.valueOf(v)));
        } else if (given instanceof String text && !text.isBlank()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    templates.put(kv[0].trim(), kv[1].trim());
                }
            }
        }
        return templates;
    }

    /**
     * The key every function that erases a person derives their tombstone with (decision 0117): generated once by
     * Secrets Manager and never rotated, since another key would give a person erased again, or in another function
     * later, another tombstone. Named, so that an operator finds it, and kept when the stack goes where data is kept.
     */
    private Secret erasureKey(StageConfig stage) {
        return Secret.Builder.create(this, "ErasureKey")
                .secretName("sse-" + stage.name() + "/erasure-key")
                .description("the key erased people's tombstones are derived with (HMAC-SHA256); never rotate it")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(stage.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
    }

    /** An API function that erases people: its environment names the erasure key's secret (never holds it). */
    private static Map<String, String> erasing(Map<String, String> env, Secret erasureKey) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("SSE_ERASURE_KEY_ARN", erasureKey.getSecretArn());
        return all;
    }

    private static Map<String, String> withTokenChecks(Identity identity, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(identity.tokenChecks());
        return all;
    }

    /** Tables by name, in the order given: name, table, name, table... */
    private static Map<String, ITable> ordered(Object... namesAndTables) {
        Map<String, ITable> sources = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTables.length; i += 2) {
            sources.put((String) namesAndTables[i], (ITable) namesAndTables[i + 1]);
        }
        return sources;
    }

    /** Makes the functions of one stage from their modules' jars. */
    private record Factory(
            StageConfig stage, Artefacts artefacts, Alarms alarms, Map<String, List<ILayerVersion>> layersByModule) {
        SnapStartFunction make(Construct scope, String id, SnapStartFunction.Spec spec, IVpc vpc) {
            return new SnapStartFunction(
                    scope,
                    id,
                    spec,
                    artefacts.codeFor(spec.module(), spec.handler()),
                    layersByModule.getOrDefault(spec.module(), List.of()),
                    stage,
                    alarms,
                    vpc);
        }
    }
}

package uk.sse.directory.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.storage.DirectoryTable;
import uk.sse.testing.Api;
import uk.sse.testing.Polling;

/** What the import tests do as the registrar would: ask for an upload, send the file, follow the job. */
final class ImportJobs {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Api api;
    private final String registrar;
    private final String path;
    private final String fileName;

    ImportJobs(Api api, String registrar) {
        this(api, registrar, "/schools/imports", "edubasealldata20260105.csv");
    }

    /** The jobs of another kind of file, started and followed at {@code path}. */
    ImportJobs(Api api, String registrar, String path, String fileName) {
        this.api = api;
        this.registrar = registrar;
        this.path = path;
        this.fileName = fileName;
    }

    /**
     * The import tests' settings over {@code base}: a short lease (a killed run's is soon taken over), and one bucket
     * directory for the test's context and the Lambda handler's, as both would see one S3 bucket.
     */
    static Map<String, String> properties(Map<String, String> base) {
        Map<String, String> properties = new HashMap<>(base);
        properties.put("sse.imports.lease", "PT2S");
        try {
            properties.put(
                    "sse.imports.local-bucket",
                    java.nio.file.Files.createTempDirectory("sse-imports-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    /** The real sample of the register, the first rows of every generated file. */
    static java.io.InputStream sample() {
        return ImportJobs.class.getResourceAsStream("/gias/edubase-sample.csv");
    }

    /** Asks for an import; answers the reply (201: the job and its upload). */
    Api.Reply ask(String bearer, String scope) {
        Map<String, Object> body = new HashMap<>();
        body.put("fileName", fileName);
        if (scope != null) {
            body.put("scope", scope);
        }
        return api.post(path, bearer, body);
    }

    /** Uploads the file as the registrar's browser would, to the presigned URL; answers the job's id. */
    @SuppressWarnings("unchecked")
    String upload(Path file, String scope) throws Exception {
        Api.Reply asked = ask(registrar, scope);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Map<String, Object> upload = (Map<String, Object>) asked.map().get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) upload.get("url")))
                .method((String) upload.get("method"), HttpRequest.BodyPublishers.ofFile(file));
        ((Map<String, String>) upload.get("headers")).forEach(put::header);
        HttpResponse<String> sent = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return (String) ((Map<String, Object>) asked.map().get("job")).get("id");
    }

    /** The job once it has finished. */
    Map<String, Object> finished(String id, Duration deadline) throws Exception {
        Api.Reply done = Polling.until(
                () -> api.get(path + "/" + id, registrar),
                r -> r.status() != 200
                        || List.of("SUCCEEDED", "FAILED").contains(r.map().get("status")),
                deadline);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return done.map();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> counts(Map<String, Object> job) {
        return (Map<String, Object>) job.get("counts");
    }

    /** Every school item of the table, by URN: what the register holds. */
    static Map<String, Map<String, AttributeValue>> register(ApplicationContext context) {
        return register(context, null);
    }

    /** As {@link #register(ApplicationContext)}, with only the attributes named (comma-separated; urn among them; #n is name). */
    static Map<String, Map<String, AttributeValue>> register(ApplicationContext context, String attributes) {
        DynamoDbClient client = context.getBean(DynamoDbClient.class);
        String table = context.getBean(DirectoryTable.class).name();
        Map<String, Map<String, AttributeValue>> schools = new HashMap<>();
        client.scanPaginator(b -> {
                    b.tableName(table)
                            .filterExpression("entity = :s")
                            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SCHOOL")));
                    if (attributes != null) {
                        b.projectionExpression(attributes);
                        if (attributes.contains("#n")) {
                            b.expressionAttributeNames(Map.of("#n", "name"));
                        }
                    }
                })
                .items()
                .forEach(item -> schools.put(item.get("urn").s(), item));
        return schools;
    }

    /** One school's item as stored. */
    static Map<String, AttributeValue> item(ApplicationContext context, String urn) {
        return context.getBean(DynamoDbClient.class)
                .getItem(b -> b.tableName(context.getBean(DirectoryTable.class).name())
                        .key(Map.of(
                                "pk", AttributeValue.fromS("SCHOOL#" + urn), "sk", AttributeValue.fromS("PROFILE"))))
                .item();
    }

    /** The events of a type in the table. */
    static List<Map<String, AttributeValue>> events(ApplicationContext context, String type) {
        DynamoDbClient client = context.getBean(DynamoDbClient.class);
        String table = context.getBean(DirectoryTable.class).name();
        return client
                .scanPaginator(b -> b.tableName(table)
                        .filterExpression("entity = :e AND eventType = :t")
                        .expressionAttributeValues(
                                Map.of(":e", AttributeValue.fromS("EVENT"), ":t", AttributeValue.fromS(type))))
                .items()
                .stream()
                .toList();
    }
}

package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs in a fresh JVM on a Lambda jar's classpath and does what Lambda's Java runtime does with the JSON it receives:
 * finds the jar's {@link CustomPojoSerializer} with a {@link ServiceLoader}, reads an API Gateway v2 request, a
 * DynamoDB stream batch and a schedule's event with it, and writes a response and a stream batch's answer. Prints
 * {@code EVENTS ok} or exits with 1. With the argument {@code cookies} it also reads a Cookie header of three cookies
 * with the jar's cookie decoder, as the web function does.
 */
public final class LambdaEventJsonProbe {

    static final String HTTP = """
            {"version":"2.0","routeKey":"$default","rawPath":"/accounts/888/100000","rawQueryString":"a=1",
             "headers":{"authorization":"Bearer x","content-type":"application/json"},
             "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"x.example","requestId":"req-1",
              "http":{"method":"POST","path":"/accounts/888/100000","protocol":"HTTP/1.1","sourceIp":"192.0.2.1",
              "userAgent":"probe"},"routeKey":"$default","stage":"$default","time":"07/Dec/2026:04:30:00 +0000",
              "timeEpoch":1796617800000},
             "body":"{\\"credits\\":3}","isBase64Encoded":false}
            """;

    static final String STREAM = """
            {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
             "awsRegion":"eu-west-2","dynamodb":{"ApproximateCreationDateTime":1796617800,
              "Keys":{"pk":{"S":"AREA#888"},"sk":{"S":"EVENT#1"}},
              "NewImage":{"pk":{"S":"AREA#888"},"sk":{"S":"EVENT#1"},"credits":{"N":"3"},
               "tags":{"SS":["a","b"]},"payload":{"M":{"kind":{"S":"TransferPosted"}}},"flag":{"BOOL":true}},
              "SequenceNumber":"111","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"},
             "eventSourceARN":"arn:aws:dynamodb:eu-west-2:123456789012:table/t/stream/2026-12-07T00:00:00.000"}]}
            """;

    static final String SCHEDULE = """
            {"version":"0","id":"e-1","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
             "time":"2026-12-07T04:30:00Z","region":"eu-west-2","resources":["arn:aws:events:eu-west-2:123456789012:rule/r"],
             "detail":{}}
            """;

    private LambdaEventJsonProbe() {}

    public static void main(String[] args) {
        try {
            probe();
            if (args.length > 0 && args[0].equals("cookies")) {
                cookies();
            }
        } catch (RuntimeException | AssertionError failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void probe() {
        CustomPojoSerializer serializer = ServiceLoader.load(CustomPojoSerializer.class)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CustomPojoSerializer in the jar"));

        APIGatewayV2HTTPEvent http = serializer.fromJson(HTTP, APIGatewayV2HTTPEvent.class);
        check(http.getRequestContext().getHttp().getMethod(), "POST");
        check(http.getHeaders().get("authorization"), "Bearer x");
        check(http.getBody(), "{\"credits\":3}");

        DynamodbEvent stream = serializer.fromJson(STREAM, DynamodbEvent.class);
        DynamodbEvent.DynamodbStreamRecord record = stream.getRecords().getFirst();
        check(record.getEventName(), "INSERT");
        var image = record.getDynamodb().getNewImage();
        check(image.get("credits").getN(), "3");
        check(image.get("tags").getSS(), List.of("a", "b"));
        check(image.get("payload").getM().get("kind").getS(), "TransferPosted");
        check(image.get("flag").getBOOL(), true);
        check(record.getDynamodb().getApproximateCreationDateTime().getTime(), 1796617800000L);

        ScheduledEvent schedule = serializer.fromJson(SCHEDULE, ScheduledEvent.class);
        check(schedule.getDetailType(), "Scheduled Event");
        check(schedule.getTime().getMillis(), 1796617800000L);

        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(404)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody("{\"status\":404}")
                .build();
        String written = write(serializer, response, APIGatewayV2HTTPResponse.class);
        if (!written.contains("\"statusCode\":404") || !written.contains("application/problem+json")) {
            throw new AssertionError("response written as " + written);
        }
        StreamsEventResponse failures = StreamsEventResponse.builder()
                .withBatchItemFailures(List.of(new StreamsEventResponse.BatchItemFailure("111")))
                .build();
        String answer = write(serializer, failures, StreamsEventResponse.class);
        if (!answer.contains("\"batchItemFailures\"") || !answer.contains("\"itemIdentifier\":\"111\"")) {
            throw new AssertionError("stream answer written as " + answer);
        }
        System.out.println("EVENTS ok " + serializer.getClass().getName());
    }

    /** The web's session, CSRF and liked-offers cookies come in one Cookie header, and each must be read. */
    private static void cookies() {
        var read = io.micronaut.http.cookie.ServerCookieDecoder.INSTANCE.decode(
                "JWT=eyJhbGciOiJIUzI1NiJ9.e30.sig; __Host-csrf=abc; liked=100000~off_1");
        check(
                read.stream().map(io.micronaut.http.cookie.Cookie::getName).toList(),
                List.of("JWT", "__Host-csrf", "liked"));
        System.out.println("COOKIES ok "
                + io.micronaut.http.cookie.ServerCookieDecoder.INSTANCE
                        .getClass()
                        .getName());
    }

    private static <T> String write(CustomPojoSerializer serializer, T value, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out, type);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void check(Object actual, Object expected) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + " but read " + actual);
        }
    }
}

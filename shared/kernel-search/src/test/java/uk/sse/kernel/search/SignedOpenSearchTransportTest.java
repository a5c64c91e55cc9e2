package uk.sse.kernel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/** Requests to an IAM-only domain are SigV4-signed for service es; locally nothing changes. */
class SignedOpenSearchTransportTest {

    @Test
    void a_search_as_the_directory_sends_it_is_signed_for_the_domain_with_the_roles_session_credentials()
            throws Exception {
        Capturing http = new Capturing("{\"hits\":{\"hits\":[]}}");
        var credentials = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));
        try (AwsSdk2Transport transport = SignedOpenSearchTransportFactory.signed(
                http, "https://search-sse-dev-abc.eu-west-2.es.amazonaws.com", Region.EU_WEST_2, credentials)) {
            OpenSearchClient client = new OpenSearchClient(transport);
            try (Response response = client.generic()
                    .execute(Requests.builder()
                            .method("POST")
                            .endpoint("/offers/_search")
                            .json("{\"query\":{\"match_all\":{}}}")
                            .build())) {
                assertThat(response.getStatus()).isEqualTo(200);
            }
        }
        SdkHttpRequest sent = http.requests.get(0);
        assertThat(sent.getUri().toString())
                .isEqualTo("https://search-sse-dev-abc.eu-west-2.es.amazonaws.com/offers/_search");
        assertThat(sent.firstMatchingHeader("Authorization"))
                .get()
                .asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-2/es/aws4_request")
                .contains("SignedHeaders=")
                .contains("Signature=");
        assertThat(sent.firstMatchingHeader("X-Amz-Security-Token")).contains("session-token");
        assertThat(sent.firstMatchingHeader("x-amz-content-sha256")).isPresent();
    }

    @Test
    void the_setting_chooses_the_signing_transport_and_without_it_the_plain_one_stays() {
        try (ApplicationContext aws = ApplicationContext.run(Map.of(
                "sse.opensearch.url",
                "https://search.invalid",
                "sse.opensearch.aws-signing",
                true,
                "sse.aws.region",
                "eu-west-2"))) {
            assertThat(aws.getBean(OpenSearchClient.class)._transport()).isInstanceOf(AwsSdk2Transport.class);
        }
        try (ApplicationContext local = ApplicationContext.run(Map.of("sse.opensearch.url", "http://127.0.0.1:9200"))) {
            assertThat(local.getBean(OpenSearchClient.class)._transport())
                    .isInstanceOf(ApacheHttpClient5Transport.class);
        }
    }

    /** An SDK HTTP client that records what it is asked to send and answers 200 with a fixed body. */
    static final class Capturing implements SdkHttpClient {
        final List<SdkHttpRequest> requests = new ArrayList<>();
        private final String body;

        Capturing(String body) {
            this.body = body;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.add(request.httpRequest());
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .build())
                            .responseBody(AbortableInputStream.create(
                                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}

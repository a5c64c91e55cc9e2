package uk.sse.kernel.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Under SnapStart Lambda sets no key variables; the role's credentials come from the runtime's endpoint instead. */
class LambdaCredentialsTest {

    @Test
    void without_key_variables_the_credentials_come_from_the_container_endpoint_with_its_token() throws Exception {
        assumeTrue(
                System.getenv("AWS_ACCESS_KEY_ID") == null,
                "AWS_ACCESS_KEY_ID is set here, so the environment would answer first");
        AtomicReference<String> token = new AtomicReference<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/2018-06-01/credentials", exchange -> {
            token.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body =
                    ("{\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"secret\",\"Token\":\"session\",\"Expiration\":\""
                                    + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        // the SDK reads each of these variables from a system property of the same meaning as well
        System.setProperty(
                "aws.containerCredentialsFullUri",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2018-06-01/credentials");
        System.setProperty("aws.containerAuthorizationToken", "runtime-token");
        try {
            AwsCredentials credentials = LambdaCredentials.provider().resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo("ASIAEXAMPLE");
            assertThat(token.get()).isEqualTo("runtime-token");
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
            endpoint.stop(0);
        }
    }
}

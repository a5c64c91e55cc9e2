package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;

/**
 * Runs in a fresh JVM on a Lambda artefact's classpath, as a Lambda cold start does: builds the handler,
 * answers one API Gateway event (GET of the path given, with a token of the role in {@value #ROLE}), then
 * {@code warm} more, and prints the timings as one line.
 * With the argument {@code baseline} it only prints how long the JVM took to reach main.
 */
public final class ColdStartProbe {

    /** The system property naming the role of the probe's token, so that its read reaches DynamoDB. */
    static final String ROLE = "sse.probe.role";

    private ColdStartProbe() {}

    public static void main(String[] args) {
        try {
            probe(args);
        } catch (RuntimeException failed) {
            failed.printStackTrace();
            System.exit(1); // the handler's threads must not keep a failed probe alive
        }
        System.exit(0);
    }

    private static void probe(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        if (args.length > 0 && args[0].equals("baseline")) {
            System.out.println("PROBE main=" + (mainAt - jvmStart));
            return;
        }
        int warm = Integer.parseInt(args[0]);
        String path = args[1];
        try (APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction()) {
            String token = handler.getApplicationContext()
                    .getBean(JwtTokenGenerator.class)
                    .generateToken(TokenClaims.person(
                            handler.getApplicationContext().getBean(IdentitySettings.class),
                            "bench",
                            Role.valueOf(System.getProperty(ROLE, "ADVISER")),
                            "888",
                            null,
                            java.time.Duration.ofHours(1)))
                    .orElseThrow();
            APIGatewayV2HTTPResponse first = handler.handleRequest(event(path, token), null);
            long firstAt = System.currentTimeMillis();
            long[] warmNanos = new long[warm];
            for (int i = 0; i < warm; i++) {
                long t = System.nanoTime();
                handler.handleRequest(event(path, token), null);
                warmNanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(warmNanos);
            System.out.println("PROBE main=" + (mainAt - jvmStart) + " first=" + (firstAt - jvmStart) + " status="
                    + first.getStatusCode() + " warmMedianMicros=" + (warm == 0 ? 0 : warmNanos[warm / 2] / 1000));
        }
    }

    static APIGatewayV2HTTPEvent event(String path, String token) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .build())
                        .withRequestId("bench")
                        .build())
                .build();
    }
}

package uk.sse.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import uk.sse.kernel.identity.IdentitySettings;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.identity.TokenClaims;
import uk.sse.kernel.snapstart.SnapStartHooks;

/**
 * Runs in a fresh JVM on a Lambda artefact's classpath, as a Lambda cold start does: builds the handler (Lambda's init
 * phase), optionally runs the SnapStart hooks' priming (what runs before the snapshot), answers one API Gateway event
 * (GET of the path given, with a token of the role in {@value #ROLE} unless it is {@code none}), then {@code warm} more,
 * and prints the timings as one line: {@code main}, {@code init} (handler built), {@code snapshot} (where SnapStart
 * would snapshot: after init, and after priming when primed) and {@code first} (first response), all in ms from JVM
 * start.
 * Usage: {@code baseline} (only how long the JVM took to reach main); {@code init PRIMED} (stops at the snapshot
 * point: the training run of an AOT cache); {@code WARM PATH PRIMED}.
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
        if (args[0].equals("baseline")) {
            System.out.println("PROBE main=" + (mainAt - jvmStart));
            return;
        }
        boolean training = args[0].equals("init");
        boolean primed = Boolean.parseBoolean(args[training ? 1 : 2]);
        try (APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction()) {
            long initAt = System.currentTimeMillis();
            if (primed) {
                // as Lambda's runtime does before the snapshot: the global CRaC context's resources
                handler.getApplicationContext().getBean(SnapStartHooks.class).beforeCheckpoint(null);
            }
            long snapshotAt = System.currentTimeMillis();
            if (training) {
                System.out.println("PROBE main=" + (mainAt - jvmStart) + " init=" + (initAt - jvmStart) + " snapshot="
                        + (snapshotAt - jvmStart));
                return;
            }
            int warm = Integer.parseInt(args[0]);
            String path = args[1];
            String token = token(handler);
            APIGatewayV2HTTPResponse first = handler.handleRequest(event(path, token), null);
            long firstAt = System.currentTimeMillis();
            long[] warmNanos = new long[warm];
            for (int i = 0; i < warm; i++) {
                long t = System.nanoTime();
                handler.handleRequest(event(path, token), null);
                warmNanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(warmNanos);
            System.out.println("PROBE main=" + (mainAt - jvmStart) + " init=" + (initAt - jvmStart) + " snapshot="
                    + (snapshotAt - jvmStart) + " first=" + (firstAt - jvmStart) + " status="
                    + first.getStatusCode() + " warmMedianMicros=" + (warm == 0 ? 0 : warmNanos[warm / 2] / 1000));
        }
    }

    /**
     * The caller's token, or null for {@code none}: signed by the probe after the snapshot point (in AWS the identity
     * provider signs it), so its cost falls on the first response, as verifying it would.
     */
    private static String token(APIGatewayV2HTTPEventFunction handler) {
        String role = System.getProperty(ROLE, "ADVISER");
        if (role.equals("none")) {
            return null;
        }
        return handler.getApplicationContext()
                .getBean(JwtTokenGenerator.class)
                .generateToken(TokenClaims.person(
                        handler.getApplicationContext().getBean(IdentitySettings.class),
                        "bench",
                        Role.valueOf(role),
                        "888",
                        null,
                        java.time.Duration.ofHours(1)))
                .orElseThrow();
    }

    static APIGatewayV2HTTPEvent event(String path, String token) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(query)
                .withQueryStringParameters(parameters.isEmpty() ? null : parameters)
                .withHeaders(
                        token == null
                                ? Map.of("accept", "text/html", "host", "localhost")
                                : Map.of("authorization", "Bearer " + token))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(rawPath)
                                .withSourceIp("127.0.0.1")
                                .build())
                        .withRequestId("bench")
                        .build())
                .build();
    }
}

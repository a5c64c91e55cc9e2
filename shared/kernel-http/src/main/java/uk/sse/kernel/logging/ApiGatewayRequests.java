package uk.sse.kernel.logging;

import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventServletRequest;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** API Gateway's id of a request (its access log's {@code requestId}), when the request came through the Lambda handler. */
final class ApiGatewayRequests {

    private static final boolean ON_LAMBDA_HANDLER =
            present("io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventServletRequest");

    private ApiGatewayRequests() {}

    static Optional<String> requestId(HttpRequest<?> request) {
        if (ON_LAMBDA_HANDLER
                && request instanceof APIGatewayV2HTTPEventServletRequest<?> lambda
                && lambda.getNativeRequest().getRequestContext() != null) {
            return Optional.ofNullable(
                    lambda.getNativeRequest().getRequestContext().getRequestId());
        }
        return Optional.empty();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ApiGatewayRequests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}

package uk.sse.testing;

import com.sun.net.httpserver.HttpHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.PropertySource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import uk.sse.kernel.http.HttpApiFunction;

/**
 * The test server of micronaut-function-aws-api-proxy-test (what {@link Api} calls) with the deployed handler class
 * and requests passed as API Gateway's HTTP API passes them ({@link LambdaHttpFront}): cookies in the event's
 * {@code cookies}, the cookies set taken from the response's {@code cookies}. Its own handler sends a {@code cookie}
 * header, which API Gateway never does, so tests through it could not see decision 0116's fault. On where
 * {@code sse.testing.http-api-front} is true.
 */
@Factory
@Requires(property = "sse.testing.http-api-front", value = "true")
class HttpApiTestServer {

    /** As the test module's own: a context of the test's property sources, here under the deployed handler. */
    @Singleton
    @Named("HttpServer")
    @Replaces(bean = ApplicationContextProvider.class, named = "HttpServer")
    ApplicationContextProvider handler(ApplicationContext test) {
        return new HttpApiFunction(ApplicationContext.builder()
                .propertySources(test.getEnvironment().getPropertySources().toArray(PropertySource[]::new))
                .build());
    }

    @Singleton
    @Named("HttpServer")
    @Replaces(HttpHandler.class)
    HttpHandler front(@Named("HttpServer") ApplicationContextProvider handler) {
        LambdaInstance lambda = new LambdaInstance((HttpApiFunction) handler);
        return exchange -> LambdaHttpFront.exchange(lambda, exchange);
    }
}

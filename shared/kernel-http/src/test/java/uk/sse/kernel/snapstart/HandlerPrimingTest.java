package uk.sse.kernel.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The priming requests go through the real Lambda handler and are refused before any controller runs. */
class HandlerPrimingTest {

    @Test
    void both_priming_requests_are_refused_for_want_of_a_valid_token_and_reach_no_controller() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "spec.name",
                "HandlerPrimingTest",
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                "priming-test-secret-that-is-long-enough-0123456789"))) {
            assertThat(context.getBean(SnapStartHooks.class).hooks()).hasAtLeastOneElementOfType(HandlerPriming.class);

            assertThat(context.getBean(HandlerPriming.class).send()).containsExactly(401, 401);
            assertThat(context.getBean(PrimedPath.class).calls).hasValue(0);
        }
    }

    /** A route at the priming's address, which only a signed-in caller may reach. */
    @Requires(property = "spec.name", value = "HandlerPrimingTest")
    @Controller(HandlerPriming.PATH)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    static class PrimedPath {

        final AtomicInteger calls = new AtomicInteger();

        @Get
        String read() {
            calls.incrementAndGet();
            return "read";
        }
    }
}

package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failing for five days, or answering 410, disables an endpoint; a success heals it; tests leave it alone. */
class EndpointHealthTest {

    static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration FIVE_DAYS = Duration.ofDays(5);
    static final Verdict FAIL = new Verdict.Retry("answered 500");

    @Test
    void aFailingSpellStartsAndAfterFiveDaysDisables() {
        assertThat(EndpointHealth.after(null, Delivery.Kind.EVENT, FAIL, T, FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.StartedFailing(T));
        assertThat(EndpointHealth.after(
                        T, Delivery.Kind.EVENT, FAIL, T.plus(Duration.ofDays(5).minusSeconds(1)), FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.None());
        assertThat(EndpointHealth.after(T, Delivery.Kind.EVENT, FAIL, T.plus(FIVE_DAYS), FIVE_DAYS))
                .isInstanceOfSatisfying(
                        EndpointHealth.Change.Disabled.class,
                        d -> assertThat(d.reason()).contains("since " + T, "5 days", "answered 500"));
    }

    @Test
    void aSuccessHealsAndAGoneEndpointIsDisabledAtOnce() {
        assertThat(EndpointHealth.after(
                        T, Delivery.Kind.EVENT, new Verdict.Delivered("answered 200"), T.plusSeconds(9), FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.Recovered());
        assertThat(EndpointHealth.after(null, Delivery.Kind.EVENT, new Verdict.Delivered("answered 200"), T, FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.None());
        assertThat(EndpointHealth.after(
                        null, Delivery.Kind.EVENT, new Verdict.Disable("the endpoint answered 410 Gone"), T, FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.Disabled("the endpoint answered 410 Gone"));
    }

    @Test
    void aTestMessageChangesNothing() {
        assertThat(EndpointHealth.after(
                        T, Delivery.Kind.TEST, new Verdict.Disable("gone"), T.plus(Duration.ofDays(9)), FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.None());
        assertThat(EndpointHealth.after(null, Delivery.Kind.TEST, FAIL, T, FIVE_DAYS))
                .isEqualTo(new EndpointHealth.Change.None());
    }
}

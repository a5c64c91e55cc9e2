package uk.sse.brokerage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BrokerageArithmeticTest {

    @Property(tries = 500)
    void proRataIsWithinTheHoldWholeForFullDeliveryAndNeverFallsAsDaysRise(
            @ForAll @LongRange(min = 1, max = Brokerage.MAX_CREDITS) long credits,
            @ForAll @IntRange(min = 1, max = Brokerage.MAX_DAYS) int agreed,
            @ForAll @IntRange(min = 0, max = Brokerage.MAX_DAYS) int delivered) {
        int d = delivered % (agreed + 1);
        long amount = Brokerage.proRata(credits, d, agreed);
        assertThat(amount).isBetween(0L, credits);
        assertThat(Brokerage.proRata(credits, agreed, agreed)).isEqualTo(credits);
        assertThat(Brokerage.proRata(credits, 0, agreed)).isZero();
        if (d < agreed) assertThat(Brokerage.proRata(credits, d + 1, agreed)).isGreaterThanOrEqualTo(amount);
        // rounded down: never more than the exact share
        assertThat(java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(agreed)))
                .isLessThanOrEqualTo(java.math.BigInteger.valueOf(credits).multiply(java.math.BigInteger.valueOf(d)));
    }

    @Test
    void theQueueIsMostUrgentFirstThenOldest() {
        Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
        List<BrokerageRequest> requests = new ArrayList<>(List.of(
                request("R-a", Urgency.LOW, t0),
                request("R-b", Urgency.URGENT, t0.plusSeconds(60)),
                request("R-c", Urgency.HIGH, t0.plusSeconds(30)),
                request("R-d", Urgency.URGENT, t0),
                request("R-e", Urgency.HIGH, t0.plusSeconds(30))));
        requests.sort(BrokerageRequest.QUEUE_ORDER);
        assertThat(requests).extracting(BrokerageRequest::id).containsExactly("R-d", "R-b", "R-c", "R-e", "R-a");
    }

    private static BrokerageRequest request(String id, Urgency urgency, Instant at) {
        Command.Raise raise = new Command.Raise(
                Actor.adviser("ann", "888"),
                at,
                id,
                "100001",
                "888",
                List.of("SEND"),
                "need",
                urgency,
                2,
                List.of(),
                LocalDate.parse("2027-01-01"),
                5,
                List.of());
        return ((Result.Applied) Brokerage.raise(raise)).request();
    }
}

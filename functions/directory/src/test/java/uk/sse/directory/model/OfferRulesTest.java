package uk.sse.directory.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.sse.kernel.outcome.Outcome.Violation;
import uk.sse.kernel.taxonomy.Taxonomy;

class OfferRulesTest {

    private static final Taxonomy TAXONOMY = Taxonomy.standard();

    private static List<String> fieldsBroken(Offers.Content content) {
        return OfferRules.check(content.build(), TAXONOMY).stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void contentThatKeepsEveryRuleHasNoViolations() {
        assertThat(OfferRules.check(Offers.content().build(), TAXONOMY)).isEmpty();
    }

    @Test
    void optionalPartsMayBeLeftOut() {
        assertThat(fieldsBroken(Offers.content()
                        .dayRate(null)
                        .travelKm(null)
                        .window(null, null)
                        .noEvidence()))
                .isEmpty();
    }

    @Test
    void anUnknownAreaIsNamedByItsIndex() {
        List<Violation> violations = OfferRules.check(
                Offers.content().areas("CT.READ", "CT.UNDERWATER").build(), TAXONOMY);
        assertThat(violations).extracting(Violation::field).containsExactly("/areasOfSupport/1");
        assertThat(violations.get(0).message()).contains("CT.UNDERWATER");
    }

    @Test
    void areasAreNeededAtMostEightAndEachOnce() {
        assertThat(fieldsBroken(Offers.content().areas())).containsExactly("/areasOfSupport");
        assertThat(fieldsBroken(Offers.content().areas("CT.READ", "CT.ENG", "CT.READ")))
                .containsExactly("/areasOfSupport");
        List<String> nine =
                List.of("CT.READ", "CT.ENG", "CT.MATHS", "CT.SCI", "CT.HUM", "CT.MFL", "CT.ARTS", "CT.PE", "CT.COMP");
        assertThat(fieldsBroken(Offers.content().areas(nine.subList(0, 8).toArray(String[]::new))))
                .isEmpty();
        assertThat(fieldsBroken(Offers.content().areas(nine.toArray(String[]::new))))
                .containsExactly("/areasOfSupport");
    }

    @Test
    void aPhaseAndADeliveryModeAreNeeded() {
        assertThat(fieldsBroken(Offers.content().phases())).containsExactly("/phases");
        assertThat(fieldsBroken(Offers.content().modes())).containsExactly("/deliveryModes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "0", "-0.5", "200.5", "0.25", "1000", "0.0001"})
    void capacityOutsideHalfDaysUpTo200IsNamed(String days) {
        assertThat(fieldsBroken(Offers.content().days(days))).containsExactly("/capacityDaysPerTerm");
    }

    @Test
    void capacityIsRequired() {
        assertThat(fieldsBroken(Offers.content().days(null))).containsExactly("/capacityDaysPerTerm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "1", "1.0", "1.50", "200", "200.0", "2E+2", "1E+1"})
    void capacityInHalfDaysUpTo200IsAccepted(String days) {
        assertThat(fieldsBroken(Offers.content().days(days))).isEmpty();
    }

    @Provide
    Arbitrary<BigDecimal> halfDays() {
        // 1..400 half days, written with a random number of trailing zeros
        return Arbitraries.integers()
                .between(1, 400)
                .flatMap(halves -> Arbitraries.integers()
                        .between(1, 4)
                        .map(scale -> BigDecimal.valueOf(halves)
                                .divide(BigDecimal.TWO)
                                .setScale(scale)));
    }

    @Property
    void everyMultipleOfHalfADayUpTo200Passes(@ForAll("halfDays") BigDecimal days) {
        assertThat(fieldsBroken(Offers.content().days(days.toPlainString()))).isEmpty();
    }

    @Property
    void capacityPassesExactlyWhenAPositiveMultipleOfHalfADayUpTo200(
            @ForAll @IntRange(min = -100_000, max = 400_000) int thousandths) {
        BigDecimal days = BigDecimal.valueOf(thousandths, 3);
        boolean halfDay = thousandths % 500 == 0;
        boolean inRange = thousandths > 0 && thousandths <= 200_000;
        assertThat(fieldsBroken(Offers.content().days(days.toPlainString())).contains("/capacityDaysPerTerm"))
                .as("%s days", days)
                .isEqualTo(!(halfDay && inRange));
    }

    @Test
    void priceIsWholeCreditsFromZeroTo100000() {
        assertThat(fieldsBroken(Offers.content().price(0))).isEmpty();
        assertThat(fieldsBroken(Offers.content().price(100_000))).isEmpty();
        assertThat(fieldsBroken(Offers.content().price(-1))).containsExactly("/priceCredits");
        assertThat(fieldsBroken(Offers.content().price(100_001))).containsExactly("/priceCredits");
    }

    @Test
    void aDayRateIsFromZeroToTenThousandPounds() {
        assertThat(fieldsBroken(Offers.content().dayRate(0L))).isEmpty();
        assertThat(fieldsBroken(Offers.content().dayRate(1_000_000L))).isEmpty();
        assertThat(fieldsBroken(Offers.content().dayRate(-1L))).containsExactly("/dayRatePence");
        assertThat(fieldsBroken(Offers.content().dayRate(1_000_001L))).containsExactly("/dayRatePence");
    }

    @Test
    void travelIsFromZeroTo400Km() {
        assertThat(fieldsBroken(Offers.content().travelKm(0))).isEmpty();
        assertThat(fieldsBroken(Offers.content().travelKm(400))).isEmpty();
        assertThat(fieldsBroken(Offers.content().travelKm(-1))).containsExactly("/travelRadiusKm");
        assertThat(fieldsBroken(Offers.content().travelKm(401))).containsExactly("/travelRadiusKm");
    }

    @Test
    void availabilityMayNotEndBeforeItStarts() {
        assertThat(fieldsBroken(Offers.content().window("2027-05-01", "2027-04-30")))
                .containsExactly("/availableUntil");
        assertThat(fieldsBroken(Offers.content().window("2027-05-01", "2027-05-01")))
                .isEmpty();
        assertThat(fieldsBroken(Offers.content().window("2027-05-01", null))).isEmpty();
        assertThat(fieldsBroken(Offers.content().window(null, "2027-05-01"))).isEmpty();
    }

    @Test
    void eachEvidenceLinkMustBeAWebAddressAndIsNamedByItsIndex() {
        assertThat(fieldsBroken(Offers.content()
                        .links(
                                "https://example.org/a",
                                "javascript:alert(1)",
                                "http://example.org/b",
                                "ftp://example.org/c",
                                "not a link",
                                "https://",
                                "HTTPS://EXAMPLE.ORG/d",
                                "https:example.org",
                                "http:///no-host")))
                .containsExactly(
                        "/evidence/links/1",
                        "/evidence/links/3",
                        "/evidence/links/4",
                        "/evidence/links/5",
                        "/evidence/links/7",
                        "/evidence/links/8");
    }

    @Test
    void atMostTenEvidenceLinks() {
        assertThat(fieldsBroken(Offers.content()
                        .links(Collections.nCopies(10, "https://example.org").toArray(String[]::new))))
                .isEmpty();
        assertThat(fieldsBroken(Offers.content()
                        .links(Collections.nCopies(11, "https://example.org").toArray(String[]::new))))
                .containsExactly("/evidence/links");
    }

    @Test
    void everyBrokenRuleIsReportedNotJustTheFirst() {
        assertThat(fieldsBroken(Offers.content()
                        .areas("NOPE")
                        .phases()
                        .days("0.3")
                        .price(-5)
                        .travelKm(999)))
                .containsExactlyInAnyOrder(
                        "/areasOfSupport/0", "/phases", "/capacityDaysPerTerm", "/priceCredits", "/travelRadiusKm");
    }
}

package uk.sse.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.Provider;
import uk.sse.directory.register.School;

/** The directory the local run loads: seed 2026 over the real GIAS sample. */
class DemoDirectoryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final long SEED = 2026;

    private static List<School> schools;
    private static DemoDirectory demo;

    @BeforeAll
    static void generate() {
        schools = DemoDirectory.sampleSchools();
        demo = DemoDirectory.generate(schools, TODAY, SEED);
    }

    @Test
    void theClasspathSampleIsTheSharedSampleByteForByte() throws IOException {
        Path shared = Path.of("../../functions/directory/src/test/resources/gias/edubase-sample.csv");
        try (InputStream in = DemoDirectory.class.getResourceAsStream(DemoDirectory.SAMPLE)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(shared));
        }
        assertThat(schools).hasSize(2_647);
    }

    @Test
    void theDemoAreaIsLancashireWithEveryKindOfSchool() {
        assertThat(demo.demoArea()).isEqualTo("888");
        assertThat(schools.stream()
                        .filter(s -> "888".equals(s.laCode()))
                        .map(s -> SchoolKind.of(s).orElseThrow()))
                .contains(SchoolKind.values());
        assertThat(DemoChecks.demoRegion(demo, schools)).hasSize(24);
    }

    @Test
    void enoughOffersAndProviders() {
        DemoChecks.sizes(demo);
        assertThat(demo.offers().size()).isBetween(430, 500);
    }

    @Test
    void theHandWrittenOffersComeAfterTheGeneratedOnesWhichTheyLeaveAsTheyWere() {
        int written = OfferTemplates.handWritten().stream()
                .mapToInt(OfferTemplates.Template::copies)
                .sum();
        List<Offer> handWritten = demo.offers()
                .subList(demo.offers().size() - written, demo.offers().size());
        assertThat(handWritten)
                .extracting(o -> demo.keyOf(o.id()).orElseThrow())
                .containsAll(OfferTemplates.handWritten().stream()
                        .map(OfferTemplates.Template::key)
                        .toList());
        // copies are offered by different providers
        assertThat(handWritten.stream()
                        .filter(o -> demo.keyOf(o.id()).orElseThrow().equals("attendance-audit"))
                        .map(Offer::providerId)
                        .distinct())
                .hasSize(2);
        // the generated directory is what it was before hand-written offers were added (its count and its first and
        // last offers)
        assertThat(demo.offers().size() - written).isEqualTo(392);
        assertThat(demo.offers().get(0).content().title()).isEqualTo("EAL new arrivals induction toolkit");
        assertThat(demo.offers().get(391).content().title()).isEqualTo("Dyslexia-friendly teaching and screening");
    }

    @Test
    void everyOfferNamesTheKeyItWasMadeFrom() {
        var keys = java.util.stream.Stream.concat(
                        OfferTemplates.standard().stream(), OfferTemplates.handWritten().stream())
                .map(OfferTemplates.Template::key)
                .toList();
        assertThat(demo.offers())
                .allSatisfy(o -> assertThat(demo.keyOf(o.id())).get().isIn(keys));
        assertThat(demo.keyOf("off_none")).isEmpty();
    }

    @Test
    void everyTopLevelAreaHasAtLeast25Offers() {
        DemoChecks.everyTopLevelAreaHasEnoughOffers(demo);
    }

    @Test
    void mostOffersAreInTheDemoAreaAndItsRegion() {
        DemoChecks.mostOffersAreInTheDemoRegion(demo, schools);
    }

    @Test
    void providerSchoolsAreRealSchoolsOfTheirLa() {
        DemoChecks.schoolProvidersAreRealSchoolsOfTheirLa(demo, schools);
    }

    @Test
    void otherProvidersAreNearASchoolOfTheirArea() {
        DemoChecks.otherProvidersAreNearASchoolOfTheirArea(demo, schools);
    }

    @Test
    void offersBelongToGeneratedProvidersAndCarryTheirDetails() {
        DemoChecks.offersCarryTheirProvidersDetails(demo);
    }

    @Test
    void everyOfferPassesTheOfferRules() {
        DemoChecks.offersPassTheRulesAndFitTheApi(demo);
    }

    @Test
    void providersFitTheApi() {
        DemoChecks.providersFitTheApi(demo);
    }

    @Test
    void pricesCapacityAndDatesAreRealistic() {
        DemoChecks.valuesAreInRealisticRanges(demo, TODAY);
    }

    @Test
    void schoolsOfferSupportForThePhasesTheyTeach() {
        DemoChecks.schoolOffersAreForPhasesTheSchoolTeaches(demo, schools);
    }

    @Test
    void mostOffersAreVisibleAndEveryOtherStateIsThere() {
        DemoChecks.statusMix(demo, TODAY);
    }

    @Test
    void historiesAreConsistent() {
        DemoChecks.historiesAreConsistent(demo, TODAY);
    }

    @Test
    void idsAreUniqueAndLookLikeTheProductsIds() {
        DemoChecks.idsAreUniqueAndWellFormed(demo);
    }

    @Test
    void contactsAreRolesNotPeople() {
        DemoChecks.contactsAreRolesNotPeople(demo);
    }

    @Test
    void theSameSeedGivesTheSameDirectoryAndAnotherSeedAnother() {
        DemoDirectory again = DemoDirectory.generate(schools, TODAY, SEED);
        DemoDirectory other = DemoDirectory.generate(schools, TODAY, SEED + 1);
        assertThat(again.offers()).isEqualTo(demo.offers());
        assertThat(again.providers()).isEqualTo(demo.providers());
        assertThat(other.offers())
                .extracting(Offer::id)
                .doesNotContainAnyElementsOf(
                        demo.offers().stream().map(Offer::id).toList());
        assertThat(other.offers())
                .extracting(o -> o.content().title())
                .isNotEqualTo(
                        demo.offers().stream().map(o -> o.content().title()).toList());
        assertThat(other.providers())
                .extracting(Provider::id)
                .isNotEqualTo(demo.providers().stream().map(Provider::id).toList());
    }
}

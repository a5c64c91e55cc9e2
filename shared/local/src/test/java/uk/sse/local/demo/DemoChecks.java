package uk.sse.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.OfferRules;
import uk.sse.directory.model.OfferStatus;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.register.School;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.taxonomy.Taxonomy;

/** What every demo directory must be, whatever its seed and date; the fixed-seed test and the property test both use these. */
final class DemoChecks {

    static final List<String> TOP_LEVEL_AREAS = List.of("INC", "CT", "ACH", "AB", "PDW", "LG", "EY", "SF");

    private DemoChecks() {}

    static void all(DemoDirectory demo, List<School> schools, LocalDate today) {
        sizes(demo);
        everyTopLevelAreaHasEnoughOffers(demo);
        mostOffersAreInTheDemoRegion(demo, schools);
        schoolProvidersAreRealSchoolsOfTheirLa(demo, schools);
        otherProvidersAreNearASchoolOfTheirArea(demo, schools);
        offersCarryTheirProvidersDetails(demo);
        offersPassTheRulesAndFitTheApi(demo);
        providersFitTheApi(demo);
        valuesAreInRealisticRanges(demo, today);
        schoolOffersAreForPhasesTheSchoolTeaches(demo, schools);
        statusMix(demo, today);
        historiesAreConsistent(demo, today);
        idsAreUniqueAndWellFormed(demo);
        contactsAreRolesNotPeople(demo);
    }

    static void sizes(DemoDirectory demo) {
        assertThat(demo.offers()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(demo.providers()).hasSizeBetween(60, 90);
        assertThat(demo.providers()).extracting(Provider::type).contains(ProviderType.values());
    }

    static Map<String, Long> offersByTopLevelArea(DemoDirectory demo) {
        return TOP_LEVEL_AREAS.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        top -> demo.offers().stream()
                                .filter(o -> o.content().areasOfSupport().stream()
                                        .anyMatch(code -> Taxonomy.standard()
                                                .lineage(code)
                                                .get(0)
                                                .equals(top)))
                                .count()));
    }

    static void everyTopLevelAreaHasEnoughOffers(DemoDirectory demo) {
        assertThat(offersByTopLevelArea(demo))
                .allSatisfy((top, count) -> assertThat(count).as(top).isGreaterThanOrEqualTo(25));
    }

    static Set<String> demoRegion(DemoDirectory demo, List<School> schools) {
        String region = schools.stream()
                .filter(s -> demo.demoArea().equals(s.laCode()))
                .findFirst()
                .orElseThrow()
                .region();
        return schools.stream()
                .filter(s -> region.equals(s.region()))
                .map(School::laCode)
                .collect(Collectors.toSet());
    }

    static void mostOffersAreInTheDemoRegion(DemoDirectory demo, List<School> schools) {
        Set<String> region = demoRegion(demo, schools);
        assertThat(demo.offers().stream().filter(o -> region.contains(o.area())))
                .hasSizeGreaterThanOrEqualTo(150);
        assertThat(demo.providers())
                .anyMatch(p -> p.type() == ProviderType.SCHOOL && p.area().equals(demo.demoArea()));
        assertThat(demo.offers())
                .anyMatch(o -> o.area().equals(demo.demoArea()) && o.status() == OfferStatus.SUBMITTED);
    }

    static void schoolProvidersAreRealSchoolsOfTheirLa(DemoDirectory demo, List<School> schools) {
        Map<String, School> byUrn = schools.stream().collect(Collectors.toMap(School::urn, Function.identity()));
        assertThat(demo.providers().stream().filter(p -> p.type() == ProviderType.SCHOOL))
                .hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(p -> {
                    School school = byUrn.get(p.id());
                    assertThat(school).as("URN %s in the sample", p.id()).isNotNull();
                    assertThat(p.urn()).isEqualTo(school.urn());
                    assertThat(p.area()).isEqualTo(school.laCode());
                    assertThat(p.name()).isEqualTo(school.name());
                    assertThat(p.location()).isEqualTo(new GeoPoint(school.latitude(), school.longitude()));
                    assertThat(p.designations()).isNotEmpty();
                });
    }

    static void otherProvidersAreNearASchoolOfTheirArea(DemoDirectory demo, List<School> schools) {
        assertThat(demo.providers().stream().filter(p -> p.type() != ProviderType.SCHOOL))
                .allSatisfy(p -> {
                    assertThat(p.urn()).isNull();
                    assertThat(schools)
                            .as("a school of %s within 3 km of %s", p.area(), p.name())
                            .anyMatch(s ->
                                    p.area().equals(s.laCode()) && s.hasLocation() && kilometres(p.location(), s) < 3);
                });
    }

    static void offersCarryTheirProvidersDetails(DemoDirectory demo) {
        Map<String, Provider> byId =
                demo.providers().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        assertThat(demo.offers()).allSatisfy(o -> {
            Provider p = byId.get(o.providerId());
            assertThat(p).as("provider of %s", o.id()).isNotNull();
            assertThat(List.of(
                            o.providerName(),
                            o.providerType(),
                            o.area(),
                            o.designations(),
                            o.content().location()))
                    .isEqualTo(List.of(p.name(), p.type(), p.area(), p.designations(), p.location()));
        });
    }

    static void offersPassTheRulesAndFitTheApi(DemoDirectory demo) {
        assertThat(demo.offers()).allSatisfy(o -> {
            OfferContent c = o.content();
            assertThat(OfferRules.check(c, Taxonomy.standard())).as(o.id()).isEmpty();
            // the API's shape (OfferBody), so that an offer can be read and PUT back unchanged
            assertThat(c.title()).hasSizeBetween(3, 150);
            assertThat(c.description()).hasSizeLessThanOrEqualTo(5000);
            assertThat(c.areasOfSupport()).hasSizeBetween(1, 3);
            assertThat(c.evidence().links())
                    .allMatch(link -> link.startsWith("https://example.org/") && link.length() <= 500);
            assertThat(c.contact().name()).hasSizeLessThanOrEqualTo(120);
        });
    }

    /** The API's shape for a provider (ProviderBody), so that one can be read and PUT back unchanged. */
    static void providersFitTheApi(DemoDirectory demo) {
        assertThat(demo.providers()).allSatisfy(p -> {
            assertThat(p.name()).hasSizeLessThanOrEqualTo(200);
            assertThat(p.area()).matches("[A-Za-z0-9-]{1,20}");
            assertThat(p.website())
                    .satisfiesAnyOf(
                            w -> assertThat(w).isNull(), w -> assertThat(w).matches("(?i)https?://[^\\s]{1,290}"));
            assertThat(p.description()).hasSizeLessThanOrEqualTo(2000);
            assertThat(p.version()).isEqualTo(1);
        });
    }

    static void valuesAreInRealisticRanges(DemoDirectory demo, LocalDate today) {
        assertThat(demo.offers()).allSatisfy(o -> {
            OfferContent c = o.content();
            assertThat(c.capacityDaysPerTerm()).isBetween(new BigDecimal("0.5"), new BigDecimal("20"));
            assertThat(c.priceCredits()).isBetween(6L, 60L);
            assertThat(c.dayRatePence())
                    .satisfiesAnyOf(
                            rate -> assertThat(rate).isNull(),
                            rate -> assertThat(rate).isBetween(35_000L, 65_000L));
            assertThat(c.travelRadiusKm()).isBetween(10, 80);
            assertThat(c.availableFrom()).isBetween(today.minusDays(14), today.plusYears(1));
            assertThat(c.availableUntil()).isAfter(c.availableFrom()).isBeforeOrEqualTo(today.plusYears(1));
        });
    }

    static void schoolOffersAreForPhasesTheSchoolTeaches(DemoDirectory demo, List<School> schools) {
        Map<String, School> byUrn = schools.stream().collect(Collectors.toMap(School::urn, Function.identity()));
        assertThat(demo.offers().stream().filter(o -> o.providerType() == ProviderType.SCHOOL))
                .allSatisfy(o -> {
                    School school = byUrn.get(o.providerId());
                    assertThat(SchoolKind.of(school).orElseThrow().phases(school))
                            .as(o.content().title())
                            .containsAll(o.content().phases());
                });
    }

    static void statusMix(DemoDirectory demo, LocalDate today) {
        List<Offer> offers = demo.offers();
        assertThat(offers.stream().filter(o -> o.visibleToAdvisers(today)).count())
                .isGreaterThanOrEqualTo(Math.round(offers.size() * 0.70));
        assertThat(offers)
                .extracting(Offer::status)
                .contains(
                        OfferStatus.SUBMITTED,
                        OfferStatus.DRAFT,
                        OfferStatus.CHANGES_REQUESTED,
                        OfferStatus.SUSPENDED,
                        OfferStatus.REJECTED);
        assertThat(offers).anyMatch(o -> o.expired(today));
        assertThat(offers)
                .filteredOn(o -> o.status() == OfferStatus.SUSPENDED
                        || o.status() == OfferStatus.REJECTED
                        || o.status() == OfferStatus.CHANGES_REQUESTED)
                .allMatch(o -> o.history().getLast().reason() != null);
    }

    static void historiesAreConsistent(DemoDirectory demo, LocalDate today) {
        assertThat(demo.offers()).allSatisfy(o -> {
            List<AssuranceRecord> history = o.history();
            assertThat(o.version()).isEqualTo(history.size() + 1);
            OfferStatus status = OfferStatus.DRAFT;
            Instant at = o.createdAt();
            for (int i = 0; i < history.size(); i++) {
                AssuranceRecord r = history.get(i);
                assertThat(r.version()).isEqualTo(i + 2);
                assertThat(r.from()).isEqualTo(status);
                assertThat(r.at()).isAfter(at);
                assertThat(r.by())
                        .isEqualTo(
                                r.action().actor() == AssuranceAction.Actor.PROVIDER
                                        ? "provider-" + o.providerId()
                                        : "assurer-" + o.area());
                if (r.action() == AssuranceAction.APPROVE) {
                    assertThat(r.reviewDate())
                            .isAfter(r.at().atZone(ZoneOffset.UTC).toLocalDate());
                }
                status = r.to();
                at = r.at();
            }
            assertThat(o.status()).isEqualTo(status);
            assertThat(o.updatedAt())
                    .isEqualTo(at)
                    .isBefore(today.atStartOfDay().toInstant(ZoneOffset.UTC));
            assertThat(o.createdAt()).isAfterOrEqualTo(providerCreated(demo, o));
        });
    }

    static void idsAreUniqueAndWellFormed(DemoDirectory demo) {
        assertThat(demo.offers())
                .extracting(Offer::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> Ids.looksLike("off", id));
        assertThat(demo.providers())
                .extracting(Provider::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Za-z0-9_-]{1,64}"));
    }

    static void contactsAreRolesNotPeople(DemoDirectory demo) {
        Set<String> roles = DemoProviders.roleNames();
        var contacts = Stream.concat(
                        demo.providers().stream().map(Provider::contact),
                        demo.offers().stream().map(o -> o.content().contact()))
                .toList();
        assertThat(contacts).allSatisfy(c -> {
            assertThat(roles).contains(c.name());
            assertThat(c.email()).endsWith(".example.org");
            assertThat(c.phone())
                    .satisfiesAnyOf(
                            phone -> assertThat(phone).isNull(),
                            phone -> assertThat(phone).matches("01632 960\\d{3}"));
        });
    }

    private static Instant providerCreated(DemoDirectory demo, Offer o) {
        return demo.providers().stream()
                .filter(p -> p.id().equals(o.providerId()))
                .findFirst()
                .orElseThrow()
                .createdAt();
    }

    private static double kilometres(GeoPoint p, School s) {
        double dLat = Math.toRadians(s.latitude() - p.lat());
        double dLon = Math.toRadians(s.longitude() - p.lon()) * Math.cos(Math.toRadians(p.lat()));
        return 6371 * Math.hypot(dLat, dLon);
    }
}

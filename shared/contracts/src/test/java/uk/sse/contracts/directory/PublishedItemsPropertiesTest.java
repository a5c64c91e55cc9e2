package uk.sse.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.sse.contracts.Contract;

/**
 * Whatever the directory publishes as an offer or a school reads back as the same record: as written, as a stored item
 * gives it back (every number a decimal), without a version, and beside attributes and a version it does not know.
 */
class PublishedItemsPropertiesTest {

    @Property(tries = 300)
    void everyPublishedItemReadsBackAsWritten(@ForAll("items") PublishedItems.Item item) {
        assertThat(read(item, item.attributes())).isEqualTo(item);
    }

    @Property(tries = 300)
    void storedNumbersAndNoVersionReadTheSame(@ForAll("items") PublishedItems.Item item) {
        Map<String, Object> old = PublishedItemsShapeTest.stored(item.attributes());
        old.remove(Contract.VERSION);
        assertThat(read(item, old)).isEqualTo(item);
    }

    @Property(tries = 300)
    void aNewerVersionWithMoreAttributesReadsTheSame(
            @ForAll("items") PublishedItems.Item item, @ForAll("extras") Map<String, String> extras) {
        Map<String, Object> newer = new HashMap<>(extras);
        newer.putAll(item.attributes());
        newer.put(Contract.VERSION, 2);
        assertThat(read(item, newer)).isEqualTo(item);
    }

    private static PublishedItems.Item read(PublishedItems.Item kind, Map<String, Object> attributes) {
        PublishedItems.Kind k = kind instanceof PublishedOffer ? PublishedItems.Kind.OFFER : PublishedItems.Kind.SCHOOL;
        return PublishedItems.read(PublishedItemsShapeTest.withKind(attributes, k))
                .orElseThrow();
    }

    @Provide
    Arbitrary<Map<String, String>> extras() {
        return Arbitraries.maps(
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .map(s -> "new" + s),
                        Arbitraries.strings().ofMaxLength(10))
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<PublishedItems.Item> items() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> optional = text.injectNull(0.3);
        Arbitrary<List<String>> texts = text.list().ofMaxSize(3);
        Arbitrary<Long> whole = Arbitraries.longs().between(0, 1L << 52);
        Arbitrary<Double> degrees = Arbitraries.doubles().between(-90, 90).injectNull(0.3);
        Arbitrary<LocalDate> date = Arbitraries.integers()
                .between(0, 60_000)
                .map(LocalDate.EPOCH::plusDays)
                .injectNull(0.4);
        Arbitrary<Instant> at =
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<BigDecimal> decimal = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000"))
                .ofScale(2)
                .injectNull(0.3);
        Arbitrary<PublishedOffer.Signals> signals = Combinators.combine(whole, whole, whole, whole)
                .as(PublishedOffer.Signals::new)
                .injectNull(0.2);
        Arbitrary<PublishedOffer> offers = Combinators.combine(
                        Combinators.combine(text, text, text, text, text, texts, text, optional)
                                .as(Head::new),
                        Combinators.combine(optional, texts, texts, texts, decimal, whole, whole.injectNull(0.3))
                                .as(Body::new),
                        Combinators.combine(
                                        degrees,
                                        degrees,
                                        Arbitraries.integers().between(0, 500).injectNull(0.3),
                                        date,
                                        date,
                                        text,
                                        date,
                                        whole)
                                .as(Tail::new),
                        at,
                        signals)
                .as((h, b, t, updatedAt, s) -> new PublishedOffer(
                        h.id,
                        h.providerId,
                        h.providerName,
                        h.providerType,
                        h.area,
                        h.designations,
                        h.title,
                        h.description,
                        b.evidence,
                        b.areas,
                        b.phases,
                        b.modes,
                        b.capacity,
                        b.price,
                        b.dayRate,
                        t.lat,
                        t.lon,
                        t.radius,
                        t.from,
                        t.until,
                        t.status,
                        t.review,
                        t.version,
                        updatedAt,
                        s));
        Arbitrary<PublishedSchool> schools = Combinators.combine(
                        text, text, optional, optional, optional, optional, optional, optional)
                .as(SchoolHead::new)
                .flatMap(h -> Combinators.combine(
                                degrees,
                                degrees,
                                optional,
                                Arbitraries.of(LocalDate.of(2024, 8, 31), LocalDate.of(2026, 12, 7))
                                        .injectNull(0.5))
                        .as((lat, lon, status, closedOn) -> new PublishedSchool(
                                h.urn,
                                h.name,
                                h.laCode,
                                h.laName,
                                h.type,
                                h.phase,
                                h.town,
                                h.postcode,
                                lat,
                                lon,
                                status,
                                closedOn)));
        return Arbitraries.oneOf(offers, schools);
    }

    private record Head(
            String id,
            String providerId,
            String providerName,
            String providerType,
            String area,
            List<String> designations,
            String title,
            String description) {}

    private record Body(
            String evidence,
            List<String> areas,
            List<String> phases,
            List<String> modes,
            BigDecimal capacity,
            long price,
            Long dayRate) {}

    private record Tail(
            Double lat,
            Double lon,
            Integer radius,
            LocalDate from,
            LocalDate until,
            String status,
            LocalDate review,
            long version) {}

    private record SchoolHead(
            String urn,
            String name,
            String laCode,
            String laName,
            String type,
            String phase,
            String town,
            String postcode) {}
}

package uk.sse.directory.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Offers and their content built straight from the records, for the model's tests. */
final class Offers {

    static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    private Offers() {}

    /** Content that keeps every rule; change one thing with the builder to break one rule. */
    static Content content() {
        return new Content();
    }

    static Offer draft() {
        return new Offer(
                "off_01KE6Q5WH0RZ3JQ7M5TNX2V8GD",
                "100006",
                "Heath School",
                ProviderType.SCHOOL,
                "202",
                List.of(Designation.SPECIALIST_LEADER_OF_EDUCATION),
                content().build(),
                OfferStatus.DRAFT,
                null,
                List.of(),
                1,
                CREATED,
                CREATED,
                null);
    }

    static final class Content {
        String title = "Systematic synthetic phonics";
        List<String> areas = List.of("CT.READ", "INC.SEND.SLCN");
        List<Phase> phases = List.of(Phase.PRIMARY);
        List<DeliveryMode> modes = List.of(DeliveryMode.IN_SCHOOL, DeliveryMode.COACHING);
        BigDecimal days = new BigDecimal("2.5");
        long price = 30;
        Long dayRate = 45_000L;
        Integer travelKm = 25;
        LocalDate from = LocalDate.parse("2026-09-01");
        LocalDate until = LocalDate.parse("2027-07-20");
        Evidence evidence =
                new Evidence("Year 1 phonics check up from 71% to 86%", List.of("https://example.org/impact"));

        Content areas(String... codes) {
            areas = List.of(codes);
            return this;
        }

        Content phases(Phase... p) {
            phases = List.of(p);
            return this;
        }

        Content modes(DeliveryMode... m) {
            modes = List.of(m);
            return this;
        }

        Content days(String d) {
            days = d == null ? null : new BigDecimal(d);
            return this;
        }

        Content price(long credits) {
            price = credits;
            return this;
        }

        Content dayRate(Long pence) {
            dayRate = pence;
            return this;
        }

        Content travelKm(Integer km) {
            travelKm = km;
            return this;
        }

        Content window(String availableFrom, String availableUntil) {
            from = availableFrom == null ? null : LocalDate.parse(availableFrom);
            until = availableUntil == null ? null : LocalDate.parse(availableUntil);
            return this;
        }

        Content links(String... links) {
            evidence = new Evidence("what changed", List.of(links));
            return this;
        }

        Content noEvidence() {
            evidence = null;
            return this;
        }

        Content title(String t) {
            title = t;
            return this;
        }

        OfferContent build() {
            return new OfferContent(
                    title,
                    "Half-termly coaching for the reading lead.",
                    areas,
                    phases,
                    modes,
                    days,
                    price,
                    dayRate,
                    new GeoPoint(51.55, -0.17),
                    travelKm,
                    from,
                    until,
                    evidence,
                    new Contact("Sam Patel", "sam.patel@example.org", null));
        }
    }
}

package uk.sse.indexer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The fields of an offer item the tests vary; the rest are fixed. */
record TestOffer(
        String id,
        long version,
        String status,
        String title,
        List<String> areasOfSupport,
        LocalDate reviewDate,
        Double lat,
        Double lon,
        String availableFrom) {

    static TestOffer draft(String id) {
        return new TestOffer(
                id, 1, "DRAFT", "Phonics catch-up for " + id, List.of("CT.READ"), null, 52.58, -2.13, "2026-09-01");
    }

    TestOffer next(String status, String title) {
        return new TestOffer(id, version + 1, status, title, areasOfSupport, reviewDate, lat, lon, availableFrom);
    }

    TestOffer approved(LocalDate review) {
        return new TestOffer(id, version + 1, "APPROVED", title, areasOfSupport, review, lat, lon, availableFrom);
    }

    TestOffer withAvailableFrom(String text) {
        return new TestOffer(id, version, status, title, areasOfSupport, reviewDate, lat, lon, text);
    }

    TestOffer at(Double lat, Double lon) {
        return new TestOffer(id, version, status, title, areasOfSupport, reviewDate, lat, lon, availableFrom);
    }

    Instant updatedAt() {
        return Instant.parse("2026-11-01T10:00:00Z").plusSeconds(version);
    }
}

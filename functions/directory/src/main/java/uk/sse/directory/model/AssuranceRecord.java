package uk.sse.directory.model;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of an offer's assurance history: who did what, when, and why. */
public record AssuranceRecord(
        Instant at,
        String by,
        AssuranceAction action,
        OfferStatus from,
        OfferStatus to,
        String reason,
        LocalDate reviewDate,
        long version) {}

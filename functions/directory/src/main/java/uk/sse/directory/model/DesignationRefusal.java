package uk.sse.directory.model;

import java.time.Instant;

/**
 * An assurer's refusal of a provider's claim to a designation: why (for the provider to read), who refused it (their
 * subject) and when. It stands while the provider does not claim the designation again; claiming it again, with a
 * better case, puts it back in the assurers' list and the refusal is dropped.
 */
public record DesignationRefusal(Designation designation, String reason, String refusedBy, Instant refusedAt) {}

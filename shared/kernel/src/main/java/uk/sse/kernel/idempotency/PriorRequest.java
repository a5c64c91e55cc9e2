package uk.sse.kernel.idempotency;

/** What an earlier request with the same idempotency key created, and the digest of what it asked. */
public record PriorRequest(String resultId, String requestHash) {}

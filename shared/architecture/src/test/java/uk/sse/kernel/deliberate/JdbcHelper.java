package uk.sse.kernel.deliberate;

/** A helper that is not itself a model, used by one (JdbcThroughAHelper). */
public record JdbcHelper(java.sql.Connection connection) {}

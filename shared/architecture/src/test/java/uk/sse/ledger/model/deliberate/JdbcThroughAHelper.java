package uk.sse.ledger.model.deliberate;

import uk.sse.kernel.deliberate.JdbcHelper;

/** Breaks MODELS_ARE_PLAIN_JAVA on purpose, one step removed: the model uses a helper that uses JDBC. */
public record JdbcThroughAHelper(JdbcHelper helper) {}

package uk.sse.ledger.model.deliberate;

/** Breaks MODELS_ARE_PLAIN_JAVA on purpose: a model annotated for the framework. */
@io.micronaut.core.annotation.Introspected
public record MicronautInAModel(long amount) {}

package uk.sse.contracts.deliberate;

/** Breaks CONTRACTS_ARE_PLAIN_JAVA on purpose: a contract leaning on the kernel (and through it, the framework). */
public record InTheKernelsEnvelope(uk.sse.kernel.events.EventEnvelope envelope) {}

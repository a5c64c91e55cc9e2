package uk.sse.unheard.deliberate;

/** Breaks EVERY_PACKAGE_IS_A_KNOWN_MODULE on purpose: a module the rules do not know. */
public record Stray(String name) {}

package uk.sse.brokerage.application;

/** What another function answered when asked for one thing: it, that there is none (for this caller), or nothing at all. */
public sealed interface Lookup<T> {

    record Found<T>(T value) implements Lookup<T> {}

    record Missing<T>() implements Lookup<T> {}

    /** No answer (down, timed out, 5xx): worth a retry later; never taken for "there is none". */
    record Unavailable<T>(String why) implements Lookup<T> {}
}

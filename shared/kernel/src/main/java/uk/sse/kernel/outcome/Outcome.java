package uk.sse.kernel.outcome;

import java.util.List;
import java.util.function.Function;

/**
 * What a use case returns: the result, or the reason it could not be had. Failures are values, so a
 * controller maps each to its HTTP answer with an exhaustive {@code switch} and nothing is thrown.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    /** The input breaks a rule; each violation names the field. */
    record Invalid<T>(List<Violation> violations) implements Outcome<T> {}

    record NotFound<T>(String what) implements Outcome<T> {}

    record Forbidden<T>(String why) implements Outcome<T> {}

    /** The thing is in a state that does not allow this; {@code allowed} names what it does allow. */
    record Conflict<T>(String why, List<String> allowed) implements Outcome<T> {}

    /** The caller's If-Match (or expected version) is not the current one. */
    record Stale<T>(long currentVersion) implements Outcome<T> {}

    record Violation(String field, String message) {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> invalid(List<Violation> violations) {
        return new Invalid<>(violations);
    }

    static <T> Outcome<T> invalid(String field, String message) {
        return new Invalid<>(List.of(new Violation(field, message)));
    }

    static <T> Outcome<T> notFound(String what) {
        return new NotFound<>(what);
    }

    static <T> Outcome<T> forbidden(String why) {
        return new Forbidden<>(why);
    }

    static <T> Outcome<T> conflict(String why, List<String> allowed) {
        return new Conflict<>(why, allowed);
    }

    /** Carries a failure over to another result type; a success is mapped. */
    default <R> Outcome<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Done<T> d -> new Done<>(mapper.apply(d.value()));
            case Invalid<T> i -> new Invalid<>(i.violations());
            case NotFound<T> n -> new NotFound<>(n.what());
            case Forbidden<T> f -> new Forbidden<>(f.why());
            case Conflict<T> c -> new Conflict<>(c.why(), c.allowed());
            case Stale<T> s -> new Stale<>(s.currentVersion());
        };
    }

    default <R> Outcome<R> flatMap(Function<T, Outcome<R>> next) {
        return this instanceof Done<T> d ? next.apply(d.value()) : map(v -> null);
    }
}

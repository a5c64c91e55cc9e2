package uk.sse.kernel.identity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Well-formed memberships, for the properties. */
final class Memberships {

    private Memberships() {}

    static Arbitrary<String> areas() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withCharRange('A', 'Z')
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(20));
    }

    static Arbitrary<String> organisations() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .numeric()
                .withChars(':', '_', '.', '-')
                .ofMinLength(1)
                .ofMaxLength(64);
    }

    static Arbitrary<Membership> valid() {
        return Combinators.combine(
                        Arbitraries.of(Role.class),
                        areas().injectNull(0.1),
                        organisations().injectNull(0.3))
                .as((role, area, org) -> new Membership(role, area, area == null ? null : org));
    }
}

package uk.sse.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipTest {

    @Property
    void aMembershipReadsBackAsItWasWritten(@ForAll("memberships") Membership m) {
        assertThat(Membership.parse(m.written())).contains(m);
    }

    @Property
    void anyTextIsReadWithoutExceptionAndOnlyAsTheMembershipItSpells(@ForAll("text") String text) {
        Optional<Membership> read = Membership.parse(text);
        read.ifPresent(m -> assertThat(m.written()).isEqualToIgnoringCase(text));
        read.ifPresent(
                m -> assertThat(text.substring(0, m.role().name().length()).toUpperCase(Locale.ROOT))
                        .isEqualTo(m.role().name()));
    }

    @Test
    void theThreePartsAreTheRoleTheAreaAndTheOrganisation() {
        assertThat(Membership.parse("ADVISER@trust-2044/TR2044"))
                .contains(new Membership(Role.ADVISER, "trust-2044", "TR2044"));
        assertThat(Membership.parse("assurer@888")).contains(new Membership(Role.ASSURER, "888", null));
        assertThat(Membership.parse("REGISTRAR")).contains(new Membership(Role.REGISTRAR, null, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "KING@888",
                "ADVISER@",
                "ADVISER@888/",
                "ADVISER@a b",
                "ADVISER@888/x/y",
                "ADVISER 888",
                "ADVISER@888\n",
                "@888",
                "ADVISER@123456789012345678901",
                "ADVISER@888/org\u0000"
            })
    void whatIsNotWellFormedIsNoMembership(String text) {
        assertThat(Membership.parse(text)).isEmpty();
    }

    @Provide
    Arbitrary<Membership> memberships() {
        return Memberships.valid();
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120),
                Arbitraries.strings().withChars("ADVISERbrokr@/8-:._ ").ofMaxLength(40),
                Memberships.valid().map(Membership::written).map(w -> w.toLowerCase(Locale.ROOT)));
    }
}

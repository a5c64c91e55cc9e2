package uk.sse.brokerage.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.testing.Api;

/**
 * Schools that ask for themselves (decision 0081): a trust lets its academies raise requests for themselves, Lancashire
 * does not (said, and by default for an LA not defined). Through the brokerage's Lambda handler, with the real directory
 * answering the register. A school's people are providers whose organisation is its URN.
 */
@MicronautTest(environments = "test")
class SchoolsRaisingTest extends TrustAreas {

    @Override
    Map<String, Object> trustArea() {
        Map<String, Object> trust = new HashMap<>(super.trustArea());
        trust.put("schoolsRaiseRequests", true);
        return trust;
    }

    @BeforeAll
    void lancashireSaysNo() {
        seeds.defineArea(
                LANCASHIRE,
                Map.of(
                        "name",
                        "Lancashire",
                        "kind",
                        "LA",
                        "laCodes",
                        List.of(LANCASHIRE),
                        "schoolsRaiseRequests",
                        false));
    }

    @Test
    void anAcademyOfATrustThatLetsSchoolsRaiseRaisesForItselfIntoTheTrustsQueueMarkedAsTheSchools() {
        String head = seeds.token(Role.PROVIDER, LANCASHIRE, ACADEMY_LANCASHIRE);
        Api.Reply raised = raise(
                head,
                need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(raised.map())
                .containsEntry("area", TRUST)
                .containsEntry("urn", ACADEMY_LANCASHIRE)
                .containsEntry("raisedBySchool", true);
        String id = id(raised);

        // the trust's broker has it in the queue, marked; the trust's advisers see it in their list; the LA's do not
        String trustBroker = seeds.token(Role.BROKER, TRUST, "TR2044");
        assertThat(listed(trustBroker, "queue")).contains(id);
        Api.Reply asTheBrokerReadsIt = read(trustBroker, id);
        assertThat(asTheBrokerReadsIt.status()).isEqualTo(200);
        assertThat(asTheBrokerReadsIt.map()).containsEntry("raisedBySchool", true);
        assertThat(listed(seeds.token(Role.ADVISER, TRUST, "TR2044"), "area")).contains(id);
        // an adviser's own list ("mine") keeps what the schools of their area asked for, not other advisers' requests
        String byAnotherAdviser = id(raise(
                seeds.token(Role.ADVISER, TRUST, "TR2044"),
                need(ACADEMY_BLACKBURN, List.of("CT.READ"), 5),
                UUID.randomUUID().toString()));
        String anotherTrustAdviser = person("another-trust-adviser", as(Role.ADVISER, TRUST));
        assertThat(listed(anotherTrustAdviser, "area&mine=true")).contains(id).doesNotContain(byAnotherAdviser);
        assertThat(listed(seeds.token(Role.ADVISER, LANCASHIRE, "la-888"), "area&mine=true"))
                .doesNotContain(id);
        assertThat(read(seeds.token(Role.ADVISER, TRUST, "TR2044"), id).status())
                .isEqualTo(200);
        assertThat(listed(seeds.token(Role.BROKER, LANCASHIRE, "la-888"), "queue"))
                .doesNotContain(id);
        assertThat(listed(seeds.token(Role.ADVISER, LANCASHIRE, "la-888"), "area"))
                .doesNotContain(id);
        // the school finds it among its own requests
        assertThat(listed(head, "school")).contains(id);

        // a school in the trust but in another LA raises into the trust's queue too
        Api.Reply darwen = raise(
                seeds.token(Role.PROVIDER, "889", ACADEMY_BLACKBURN),
                need(ACADEMY_BLACKBURN, List.of("CT.READ"), 5),
                UUID.randomUUID().toString());
        assertThat(darwen.status()).as(darwen.body()).isEqualTo(201);
        assertThat(darwen.map()).containsEntry("area", TRUST).containsEntry("raisedBySchool", true);
    }

    @Test
    void aRequestAnAdviserRaisesIsNotMarkedAsTheSchools() {
        Api.Reply byAdviser = raise(
                seeds.token(Role.ADVISER, TRUST, "TR2044"),
                need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(byAdviser.status()).as(byAdviser.body()).isEqualTo(201);
        assertThat(byAdviser.map()).containsEntry("raisedBySchool", false);
    }

    @Test
    void aSchoolWhoseAreasDoNotLetSchoolsRaiseIsRefusedAndNothingIsRaised() {
        int before = everywhere();
        // Lancashire says no; the school is in no trust
        Api.Reply refused = raise(
                seeds.token(Role.PROVIDER, LANCASHIRE, MAINTAINED),
                need(MAINTAINED, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("ask the school's adviser");
        assertThat(everywhere()).isEqualTo(before);
    }

    @Test
    void aSchoolRaisesOnlyForItselfAndOtherProvidersNotAtAll() {
        int before = everywhere();
        String head = seeds.token(Role.PROVIDER, LANCASHIRE, ACADEMY_LANCASHIRE);
        for (String notTheirs : List.of(ACADEMY_BLACKBURN, MAINTAINED)) {
            Api.Reply refused = raise(
                    head,
                    need(notTheirs, List.of("CT.MATHS"), 10),
                    UUID.randomUUID().toString());
            assertThat(refused.status()).as(notTheirs + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        // a provider that is not a school, an assurer and a broker of the trust, whose area lets schools raise
        for (String other : List.of(
                seeds.token(Role.PROVIDER, LANCASHIRE, "P-consultant"),
                seeds.token(Role.ASSURER, TRUST, "TR2044"),
                seeds.token(Role.BROKER, TRUST, "TR2044"))) {
            Api.Reply refused = raise(
                    other,
                    need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10),
                    UUID.randomUUID().toString());
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        // bad input from a school gets a field named, as an adviser's does
        Map<String, Object> noNeed = need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10);
        noNeed.put("need", " ");
        Api.Reply invalid = raise(head, noNeed, UUID.randomUUID().toString());
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        assertThat(invalid.problemFields()).containsExactly("/need");
        assertThat(everywhere()).isEqualTo(before);
    }

    @Test
    void anAdviserWhoIsAlsoAMemberOfASchoolRaisesAsTheAdviserWhereTheyAdviseAndAsTheSchoolForTheirOwn() {
        String both = person(
                "adviser-and-governor",
                as(Role.ADVISER, "889"),
                new Membership(Role.PROVIDER, LANCASHIRE, ACADEMY_LANCASHIRE));
        Api.Reply asSchool = raise(
                both,
                need(ACADEMY_LANCASHIRE, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(asSchool.status()).as(asSchool.body()).isEqualTo(201);
        assertThat(asSchool.map()).containsEntry("area", TRUST).containsEntry("raisedBySchool", true);
        Api.Reply asAdviser = raise(
                both,
                need(ACADEMY_BLACKBURN, List.of("CT.MATHS"), 10),
                UUID.randomUUID().toString());
        assertThat(asAdviser.status()).as(asAdviser.body()).isEqualTo(201);
        assertThat(asAdviser.map()).containsEntry("area", "889").containsEntry("raisedBySchool", false);
        // neither hat reaches a Lancashire school that is not theirs
        assertThat(raise(
                                both,
                                need(MAINTAINED, List.of("CT.MATHS"), 10),
                                UUID.randomUUID().toString())
                        .status())
                .isEqualTo(422);
    }
}

package uk.sse.local.demo;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.local.demo.OfferTemplates.Template;

/**
 * A generated provider with what the generator needs to write its offers.
 *
 * @param tags       who it is, as templates name it: a school kind, designations, or LA, TRUST, CONSULTANT, CHARITY
 * @param remit      taxonomy codes it works in (each with its subtree); empty for a school, which may offer anything it is tagged for
 * @param phases     the phases it teaches; all of them for a provider that is not a school
 * @param role       the contact role for its offers; a school's depends on the area of support
 * @param closing    the sentence that ends its offers' descriptions
 * @param offerCount how many offers to write for it, at most
 */
record Publisher(
        Provider provider,
        Set<String> tags,
        List<String> remit,
        Set<Phase> phases,
        String role,
        String closing,
        int offerCount) {

    /** Who answers about a school's offer, by top-level area. */
    static final Map<String, String> SCHOOL_ROLES = Map.of(
            "INC",
            "SENCO",
            "CT",
            "Curriculum lead",
            "ACH",
            "Assessment lead",
            "AB",
            "Attendance and behaviour lead",
            "PDW",
            "Personal development lead",
            "LG",
            "Deputy headteacher",
            "EY",
            "Early years lead",
            "SF",
            "Head of sixth form");

    boolean mayOffer(Template t) {
        return !Collections.disjoint(tags, t.by())
                && covers(t.areas().get(0))
                && !phasesFor(t).isEmpty();
    }

    Set<Phase> phasesFor(Template t) {
        EnumSet<Phase> both = EnumSet.copyOf(t.phases());
        both.retainAll(phases);
        return both;
    }

    String roleFor(Template t) {
        return provider.type() == ProviderType.SCHOOL ? SCHOOL_ROLES.get(t.topLevel()) : role;
    }

    private boolean covers(String code) {
        return remit.isEmpty() || remit.stream().anyMatch(r -> code.equals(r) || code.startsWith(r + "."));
    }
}

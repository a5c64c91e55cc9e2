package uk.sse.local.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.sse.directory.application.KeepAreas;
import uk.sse.directory.register.School;
import uk.sse.kernel.area.AreaKind;
import uk.sse.kernel.area.MembershipRules;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.outcome.Outcome;

/**
 * The demo's areas (decision 0080): its LA's, named, and a trust's whose academies sit in that LA and the two LAs of its
 * region whose codes are nearest, so the LA's area and the trust's overlap and the demo's people of several memberships
 * have somewhere to act in each. The sample register carries no GIAS trust codes, so the trust's members are listed by
 * URN, as an area may list them. Defined at start in the directory's register of areas, as the registrar defines them
 * (decision 0082, 0085). The LA lets its schools ask for support themselves (decision 0081); the trust does not.
 */
public final class DemoAreas {

    public static final String TRUST = "trust-ribble";
    public static final String TRUST_NAME = "Ribble Learning Trust";
    private static final int ACADEMIES_PER_LA = 3;

    private DemoAreas() {}

    /**
     * Defines the demo LA's area (its name, and that its schools may ask for support) and the trust's, as the registrar,
     * through the directory's use case; an area already defined is left as it is (an admin may have changed it).
     */
    public static void define(KeepAreas areas, List<School> schools) {
        Caller registrar = new Caller("demo-registrar", Role.REGISTRAR, null, null);
        String la = DemoDirectory.demoAreaOf(schools);
        laName(schools, la)
                .ifPresent(name -> define(
                        areas,
                        registrar,
                        la,
                        new KeepAreas.Draft(name, AreaKind.LA, new MembershipRules(Set.of(la), null, null), true)));
        define(
                areas,
                registrar,
                TRUST,
                new KeepAreas.Draft(
                        TRUST_NAME,
                        AreaKind.TRUST,
                        new MembershipRules(null, null, Set.copyOf(trustAcademies(schools))),
                        false));
    }

    private static void define(KeepAreas areas, Caller registrar, String id, KeepAreas.Draft draft) {
        if (areas.find(id).map(a -> a.version() > 0).orElse(false)) {
            return;
        }
        if (!(areas.define(registrar, id, Optional.empty(), draft) instanceof Outcome.Done<?>)) {
            throw new IllegalStateException("the demo area " + id + " was refused");
        }
    }

    /** The trust's academies: up to three open ones in the demo LA and in each of the two nearest LAs of its region. */
    public static List<String> trustAcademies(List<School> schools) {
        String la = DemoDirectory.demoAreaOf(schools);
        String region = schools.stream()
                .filter(s -> la.equals(s.laCode()) && s.region() != null)
                .map(School::region)
                .findFirst()
                .orElse(null);
        List<String> neighbours = schools.stream()
                .filter(s -> s.laCode() != null
                        && !la.equals(s.laCode())
                        && Objects.equals(region, s.region())
                        && academy(s))
                .map(School::laCode)
                .distinct()
                .sorted(Comparator.comparingInt(
                                (String code) -> Math.abs(Integer.parseInt(code) - Integer.parseInt(la)))
                        .thenComparing(code -> code))
                .limit(2)
                .toList();
        return Stream.concat(Stream.of(la), neighbours.stream())
                .flatMap(code -> schools.stream()
                        .filter(s -> code.equals(s.laCode()) && academy(s))
                        .map(School::urn)
                        .sorted()
                        .limit(ACADEMIES_PER_LA))
                .toList();
    }

    /** The LA's name as the register gives it. */
    public static Optional<String> laName(List<School> schools, String la) {
        return schools.stream()
                .filter(s -> la.equals(s.laCode()) && s.laName() != null)
                .map(School::laName)
                .findFirst();
    }

    private static boolean academy(School s) {
        return s.type() != null
                && s.type().contains("cadem")
                && (s.status() == null || s.status().startsWith("Open"))
                && s.laCode().matches("[0-9]{3}");
    }
}

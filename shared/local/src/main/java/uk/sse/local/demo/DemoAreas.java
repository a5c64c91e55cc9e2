package uk.sse.local.demo;

import uk.sse.directory.register.School;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's areas (decision 0080): its LA's, named, and a trust's whose academies sit in that LA and the two LAs of its
 * region whose codes are nearest, so the LA's area and the trust's overlap and the demo's people of several memberships
 * have somewhere to act in each. The sample register carries no GIAS trust codes, so the trust's members are listed by
 * URN, as an area may list them. Defined as configuration ({@code sse.areas.*}) until the directory keeps areas. The
 * LA lets its schools ask for support themselves (decision 0081); the trust does not.
 */
public final class DemoAreas {

    public static final String TRUST = "trust-ribble";
    public static final String TRUST_NAME = "Ribble Learning Trust";
    private static final int ACADEMIES_PER_LA = 3;

    private DemoAreas() { }

    /** The settings defining the demo LA's name (and that its schools may ask for support), and the trust's area. */
    public static Map<String, Object> settings(List<School> schools) {
        String la = DemoDirectory.demoAreaOf(schools);
        Map<String, Object> settings = new LinkedHashMap<>();
        laName(schools, la).ifPresent(name -> {
            settings.put("sse.areas." + la + ".name", name);
            settings.put("sse.areas." + la + ".kind", "LA");
            settings.put("sse.areas." + la + ".la-codes", la);
            settings.put("sse.areas." + la + ".schools-raise-requests", true);
        });
        settings.put("sse.areas." + TRUST + ".name", TRUST_NAME);
        settings.put("sse.areas." + TRUST + ".kind", "TRUST");
        settings.put("sse.areas." + TRUST + ".urns", String.join(",", trustAcademies(schools)));
        return settings;
    }

    /** The trust's academies: up to three open ones in the demo LA and in each of the two nearest LAs of its region. */
    public static List<String> trustAcademies(List<School> schools) {
        String la = DemoDirectory.demoAreaOf(schools);
        String region = schools.stream().filter(s -> la.equals(s.laCode()) && s.region() != null).map(School::region).findFirst().orElse(null);
        List<String> neighbours = schools.stream().filter(s -> s.laCode() != null && !la.equals(s.laCode()) && Objects.equals(region, s.region())
                        && academy(s)).map(School::laCode).distinct()
                .sorted(Comparator.comparingInt((String code) -> Math.abs(Integer.parseInt(code) - Integer.parseInt(la))).thenComparing(code -> code))
                .limit(2).toList();
        return Stream.concat(Stream.of(la), neighbours.stream())
                .flatMap(code -> schools.stream().filter(s -> code.equals(s.laCode()) && academy(s)).map(School::urn).sorted().limit(ACADEMIES_PER_LA))
                .toList();
    }

    /** The LA's name as the register gives it. */
    public static Optional<String> laName(List<School> schools, String la) {
        return schools.stream().filter(s -> la.equals(s.laCode()) && s.laName() != null).map(School::laName).findFirst();
    }

    private static boolean academy(School s) {
        return s.type() != null && s.type().contains("cadem") && (s.status() == null || s.status().startsWith("Open"))
                && s.laCode().matches("[0-9]{3}");
    }
}

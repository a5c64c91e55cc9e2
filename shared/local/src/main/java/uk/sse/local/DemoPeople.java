package uk.sse.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.local.demo.DemoAreas;
import uk.sse.local.demo.DemoDirectory;

/**
 * The people a newcomer can sign in as in the local run: one of each role in the demo area, two who hold roles in both
 * the demo area and the demo trust's (decision 0080), several of its schools (some with requests under way) and
 * providers of each kind. Each signs in with a token the local key signs.
 */
public final class DemoPeople {

    /**
     * One person: the key the sign-in form sends, their memberships (most hold one, in the demo area), their name and what
     * they are.
     */
    public record Person(String key, List<Membership> memberships, String name, String hint) {

        /** A person of one membership. */
        Person(String key, Role role, String area, String organisation, String name, String hint) {
            this(key, List.of(new Membership(role, role == Role.REGISTRAR ? null : area, organisation)), name, hint);
        }
    }

    /** People of one kind, as the sign-in page groups them. */
    public record Group(String heading, List<Person> people) {}

    private final List<Group> groups;

    private DemoPeople(List<Group> groups) {
        this.groups = groups;
    }

    public static DemoPeople of(DemoDirectory demo, String areaName) {
        String area = demo.demoArea();
        String where = areaName == null ? "area " + area : areaName + " (area " + area + ")";
        List<Provider> schools = demo.providers().stream()
                .filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL)
                .toList();
        List<Person> schoolPeople = new ArrayList<>();
        // the demo brokerage's requests are raised for the schools from the seventh on (first here); the first six pay
        // or
        // hold credits, and some of them provide the support proposed
        List<Integer> order = new ArrayList<>(
                java.util.stream.IntStream.rangeClosed(6, 10).boxed().toList());
        order.addAll(java.util.stream.IntStream.range(0, schools.size())
                .filter(i -> i < 6 || i > 10)
                .boxed()
                .toList());
        for (int i : order.subList(0, Math.min(order.size(), 14))) {
            if (i < schools.size()) {
                Provider school = schools.get(i);
                schoolPeople.add(new Person(
                        "school-" + school.id(),
                        Role.PROVIDER,
                        area,
                        school.id(),
                        school.name(),
                        "Staff of a school in " + where + (i >= 6 ? ", with a request under way" : "")));
            }
        }
        Map<ProviderType, Provider> byType = new LinkedHashMap<>();
        demo.providers().stream()
                .filter(p -> p.area().equals(area) && p.type() != ProviderType.SCHOOL)
                .forEach(p -> byType.putIfAbsent(p.type(), p));
        List<Person> providerPeople = byType.values().stream()
                .map(p -> new Person(
                        "provider-" + p.id(),
                        Role.PROVIDER,
                        area,
                        p.id(),
                        p.name(),
                        "A provider in " + where + ": " + label(p.type())))
                .toList();
        List<Person> staff = List.of(
                new Person(
                        "adviser", Role.ADVISER, area, null, "Demo Adviser", "School improvement adviser in " + where),
                new Person("broker", Role.BROKER, area, null, "Demo Broker", "Broker in " + where),
                new Person("assurer", Role.ASSURER, area, null, "Demo Assurer", "Quality assurer in " + where),
                new Person(
                        "commissioner", Role.COMMISSIONER, area, null, "Demo Commissioner", "Commissioner in " + where),
                new Person("admin", Role.ADMIN, area, null, "Demo Administrator", "Area administrator in " + where),
                new Person(
                        "trust-admin",
                        Role.ADMIN,
                        DemoAreas.TRUST,
                        null,
                        "Demo Trust Administrator",
                        "Administrator of " + DemoAreas.TRUST_NAME
                                + ": its name, its schools, whether they may ask for support"),
                new Person(
                        "registrar",
                        Role.REGISTRAR,
                        area,
                        null,
                        "Demo Registrar",
                        "Keeps the national school register"));
        // an area's staff often work for a trust too: the trust's academies sit in this LA and two others (DemoAreas)
        String trust = DemoAreas.TRUST_NAME;
        List<Person> severalHats = List.of(
                new Person(
                        "trust-adviser",
                        List.of(
                                new Membership(Role.ADVISER, DemoAreas.TRUST, null),
                                new Membership(Role.ASSURER, area, null)),
                        "Demo Trust Adviser",
                        "Adviser for " + trust + "'s academies in three LAs, and quality assurer in " + where
                                + ": changes role in the page's header"),
                new Person(
                        "trust-broker",
                        List.of(
                                new Membership(Role.BROKER, DemoAreas.TRUST, null),
                                new Membership(Role.ADVISER, area, null)),
                        "Demo Trust Broker",
                        "Broker for " + trust + ", and school improvement adviser in " + where));
        return new DemoPeople(List.of(
                new Group("Advisers and the area's staff", staff),
                new Group("People with several roles", severalHats),
                new Group("Schools", schoolPeople),
                new Group("Other providers", providerPeople)));
    }

    public List<Group> groups() {
        return groups;
    }

    public Optional<Person> find(String key) {
        return groups.stream()
                .flatMap(g -> g.people().stream())
                .filter(p -> p.key().equals(key))
                .findFirst();
    }

    private static String label(ProviderType type) {
        return switch (type) {
            case SCHOOL -> "school";
            case LOCAL_AUTHORITY_SERVICE -> "local authority service";
            case HUB -> "hub";
            case TRUST -> "trust";
            case CONSULTANT -> "consultant";
            case CHARITY -> "charity";
        };
    }
}

package uk.sse.local;

import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.identity.Role;
import uk.sse.local.demo.DemoDirectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people a newcomer can sign in as in the local run: one of each role in the demo area, several of its schools
 * (some with requests under way) and providers of each kind. Each signs in with a token the local key signs.
 */
public final class DemoPeople {

    /** One person: the key the sign-in form sends, their role and organisation, their name and what they are. */
    public record Person(String key, Role role, String organisation, String name, String hint) { }

    /** People of one kind, as the sign-in page groups them. */
    public record Group(String heading, List<Person> people) { }

    private final List<Group> groups;

    private DemoPeople(List<Group> groups) {
        this.groups = groups;
    }

    public static DemoPeople of(DemoDirectory demo, String areaName) {
        String area = demo.demoArea();
        String where = areaName == null ? "area " + area : areaName + " (area " + area + ")";
        List<Provider> schools = demo.providers().stream().filter(p -> p.area().equals(area) && p.type() == ProviderType.SCHOOL).toList();
        List<Person> schoolPeople = new ArrayList<>();
        // the demo brokerage's requests are raised for the schools from the seventh on (first here); the first six pay or
        // hold credits, and some of them provide the support proposed
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.rangeClosed(6, 10).boxed().toList());
        order.addAll(java.util.stream.IntStream.range(0, schools.size()).filter(i -> i < 6 || i > 10).boxed().toList());
        for (int i : order.subList(0, Math.min(order.size(), 14))) {
            if (i < schools.size()) {
                Provider school = schools.get(i);
                schoolPeople.add(new Person("school-" + school.id(), Role.PROVIDER, school.id(), school.name(),
                        "Staff of a school in " + where + (i >= 6 ? ", with a request under way" : "")));
            }
        }
        Map<ProviderType, Provider> byType = new LinkedHashMap<>();
        demo.providers().stream().filter(p -> p.area().equals(area) && p.type() != ProviderType.SCHOOL)
                .forEach(p -> byType.putIfAbsent(p.type(), p));
        List<Person> providerPeople = byType.values().stream().map(p -> new Person("provider-" + p.id(), Role.PROVIDER, p.id(), p.name(),
                "A provider in " + where + ": " + label(p.type()))).toList();
        List<Person> staff = List.of(
                new Person("adviser", Role.ADVISER, null, "Demo Adviser", "School improvement adviser in " + where),
                new Person("broker", Role.BROKER, null, "Demo Broker", "Broker in " + where),
                new Person("assurer", Role.ASSURER, null, "Demo Assurer", "Quality assurer in " + where),
                new Person("commissioner", Role.COMMISSIONER, null, "Demo Commissioner", "Commissioner in " + where),
                new Person("admin", Role.ADMIN, null, "Demo Administrator", "Area administrator in " + where),
                new Person("registrar", Role.REGISTRAR, null, "Demo Registrar", "Keeps the national school register"));
        return new DemoPeople(List.of(new Group("Advisers and the area's staff", staff), new Group("Schools", schoolPeople),
                new Group("Other providers", providerPeople)));
    }

    public List<Group> groups() {
        return groups;
    }

    public Optional<Person> find(String key) {
        return groups.stream().flatMap(g -> g.people().stream()).filter(p -> p.key().equals(key)).findFirst();
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

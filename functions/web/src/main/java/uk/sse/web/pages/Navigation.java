package uk.sse.web.pages;

import java.util.ArrayList;
import java.util.List;
import uk.sse.web.session.Person;

/** The sections a person has, by what they do: an adviser visits schools; a school and a provider keep their own. */
public final class Navigation {

    private Navigation() {}

    public static List<Layout.Link> of(Person person, String path) {
        if (person == null) {
            return List.of();
        }
        List<String[]> items = new ArrayList<>();
        if (person.isAdviser()) {
            items.add(new String[] {"Visit a school", "/visit"});
            items.add(new String[] {"Your requests", "/support-requests"});
        } else if (person.isSchool()) {
            items.add(new String[] {"Requests", "/support-requests"});
            items.add(new String[] {"Credits", "/credits"});
            items.add(new String[] {"Your offers", "/your-offers"});
            items.add(new String[] {"Proposals", "/proposals"});
        } else if (person.isProvider()) {
            items.add(new String[] {"Your offers", "/your-offers"});
            items.add(new String[] {"Proposals", "/proposals"});
            items.add(new String[] {"Engagements", "/engagements"});
            items.add(new String[] {"Credits", "/credits"});
            items.add(new String[] {"Profile", "/profile"});
        } else if (person.isBroker()) {
            items.add(new String[] {"Queue", "/support-requests"});
        } else if (person.isAssurer()) {
            items.add(new String[] {"Offers to review", "/offers-to-review"});
        } else if (person.caller().is(uk.sse.kernel.identity.Role.COMMISSIONER)) {
            items.add(new String[] {"Dashboard", "/dashboard"});
            items.add(new String[] {"Allocate credits", "/allocate-credits"});
        } else if (person.caller().is(uk.sse.kernel.identity.Role.REGISTRAR)) {
            items.add(new String[] {"Register imports", "/register-imports"});
            items.add(new String[] {"Postcode imports", "/postcode-imports"});
        } else if (person.caller().is(uk.sse.kernel.identity.Role.ADMIN)) {
            items.add(new String[] {"Requests", "/support-requests"});
            items.add(new String[] {"Webhooks", "/webhooks"});
            items.add(new String[] {"People's records", "/people-records"});
        } else {
            items.add(new String[] {"Requests", "/support-requests"});
        }
        String section = section(path);
        return items.stream()
                .map(i -> new Layout.Link(i[0], i[1], section.equals(section(i[1]))))
                .toList();
    }

    private static String section(String path) {
        if (path == null) {
            return "";
        }
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }
}

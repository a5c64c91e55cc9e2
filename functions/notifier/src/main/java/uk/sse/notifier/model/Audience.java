package uk.sse.notifier.model;

import java.util.ArrayList;
import java.util.List;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;

/**
 * Whom a notice is for, as the notifier can name them without a list of people: the holders of a role in an area (the
 * area's brokers, its assurers), the members of an organisation (a provider, or a school by its URN), or one person
 * (the adviser who raised a request). A signed-in person reads the notices of every audience their token places them in.
 */
public record Audience(String key) {

    public static Audience role(Role role, String area) {
        return new Audience("ROLE#" + role.name() + "#" + area);
    }

    /** A provider's members, or a school's staff (a school is a provider whose organisation is its URN). */
    public static Audience organisation(String organisation) {
        return new Audience("ORG#" + organisation);
    }

    public static Audience person(String subject) {
        return new Audience("PERSON#" + subject);
    }

    /** Every audience the person is in: themselves, their role in their area, their organisation. */
    public static List<Audience> of(Caller person) {
        List<Audience> all = new ArrayList<>();
        all.add(person(person.subject()));
        if (person.role() != null && person.area() != null) {
            all.add(role(person.role(), person.area()));
        }
        if (person.organisation() != null) {
            all.add(organisation(person.organisation()));
        }
        return List.copyOf(all);
    }
}

package uk.sse.kernel.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hat a person wears: a role, the area they hold it in and the organisation they belong to in it (a provider id or
 * a school URN). In tokens it is written {@code ROLE@area/org}, {@code ROLE@area} without an organisation, or the role
 * alone for the {@link Role#REGISTRAR}, who acts nationally (decision 0080).
 */
public record Membership(Role role, String area, String organisation) {

    /** An area id: an LA code or another area's id (decision 0080); the pattern every function accepts for one. */
    public static final String AREA = "[A-Za-z0-9-]{1,20}";
    /** An organisation: a provider id or a URN, as the ledger names an account's owner. */
    public static final String ORGANISATION = "[A-Za-z0-9:_.-]{1,64}";

    private static final Pattern WRITTEN =
            Pattern.compile("([A-Za-z]{1,20})(?:@(" + AREA + ")(?:/(" + ORGANISATION + "))?)?");

    /** Any parts a token's old claims gave are kept as they were; {@link #parse} is the strict reading of the new claim. */
    public Membership {
        Objects.requireNonNull(role, "role");
        area = area == null || area.isBlank() ? null : area;
        organisation = organisation == null || organisation.isBlank() ? null : organisation;
    }

    /**
     * The membership a token's entry names, if it is well formed and names a known role (in any case); empty otherwise,
     * never an exception, whatever the text.
     */
    public static Optional<Membership> parse(String written) {
        if (written == null || written.length() > 100) {
            return Optional.empty();
        }
        Matcher m = WRITTEN.matcher(written);
        if (!m.matches()) {
            return Optional.empty();
        }
        Role role;
        try {
            role = Role.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        return Optional.of(new Membership(role, m.group(2), m.group(3)));
    }

    /** As a token writes it: {@code ROLE@area/org}. */
    public String written() {
        return role + (area == null ? "" : "@" + area + (organisation == null ? "" : "/" + organisation));
    }

    public boolean isIn(Role r, String someArea) {
        return role == r && area != null && area.equals(someArea);
    }

    public boolean belongsTo(String someOrganisation) {
        return organisation != null && organisation.equals(someOrganisation);
    }

    @Override
    public String toString() {
        return written();
    }
}

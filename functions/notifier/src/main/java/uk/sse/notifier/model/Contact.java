package uk.sse.notifier.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;

/**
 * A person the notifier may email: their address (the verified email their token carried when they last signed in, or
 * none), the audiences their token placed them in, and the kinds of notice they chose not to be emailed.
 */
public record Contact(
        String subject,
        String email,
        Role role,
        String area,
        String organisation,
        Set<NoticeKind> emailsOff,
        Instant updatedAt) {

    public Contact {
        emailsOff = emailsOff == null || emailsOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(emailsOff));
    }

    /** The person as their token says now, keeping the choices they made before. */
    public static Contact of(Caller person, String email, Set<NoticeKind> emailsOff, Instant now) {
        return new Contact(
                person.subject(), email, person.role(), person.area(), person.organisation(), emailsOff, now);
    }

    public List<Audience> audiences() {
        return Audience.of(new Caller(subject, role, area, organisation));
    }

    /** The kinds this person can be emailed (their role's). */
    public List<NoticeKind> kinds() {
        return NoticeKind.forRole(role);
    }

    public boolean wantsEmail(NoticeKind kind) {
        return email != null && kinds().contains(kind) && !emailsOff.contains(kind);
    }
}

package uk.sse.notifier.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import uk.sse.kernel.identity.Caller;
import uk.sse.notifier.model.Contact;
import uk.sse.notifier.model.NoticeKind;

/**
 * A person's email: the address their token carries (recorded when they sign in, and again whenever they change their
 * choices), and which kinds of notice they want emailed (every kind of their role unless they say otherwise).
 */
@Singleton
public class ChooseEmails {

    private final ContactStore contacts;
    private final Clock clock;

    public ChooseEmails(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Records the person as their token says now (address, role, area, organisation), keeping their choices. */
    public Contact record(Caller person, String verifiedEmail) {
        Set<NoticeKind> off =
                contacts.find(person.subject()).map(Contact::emailsOff).orElse(Set.of());
        Contact c = Contact.of(person, verifiedEmail, off, clock.instant());
        contacts.save(c);
        return c;
    }

    /** The person as recorded, or as their token says if they were never recorded. */
    public Contact of(Caller person, String verifiedEmail) {
        return contacts.find(person.subject())
                .orElseGet(() -> Contact.of(person, verifiedEmail, Set.of(), clock.instant()));
    }

    /** Emails {@code wanted} (kinds of the person's role) and no other kind; the first kind not theirs, if any, refuses it all. */
    public Optional<NoticeKind> choose(Caller person, String verifiedEmail, Collection<NoticeKind> wanted) {
        Optional<NoticeKind> notTheirs = wanted.stream()
                .filter(k -> !NoticeKind.forRole(person.role()).contains(k))
                .findFirst();
        if (notTheirs.isPresent()) {
            return notTheirs;
        }
        Set<NoticeKind> off = EnumSet.noneOf(NoticeKind.class);
        NoticeKind.forRole(person.role()).stream()
                .filter(k -> !wanted.contains(k))
                .forEach(off::add);
        contacts.save(Contact.of(person, verifiedEmail, off, clock.instant()));
        return Optional.empty();
    }
}

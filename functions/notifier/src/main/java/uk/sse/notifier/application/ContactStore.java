package uk.sse.notifier.application;

import java.util.List;
import java.util.Optional;
import uk.sse.notifier.model.Audience;
import uk.sse.notifier.model.Contact;

/** The people the notifier may email, found by subject or by an audience they are in. */
public interface ContactStore {

    void save(Contact contact);

    Optional<Contact> find(String subject);

    List<Contact> members(Audience audience);
}

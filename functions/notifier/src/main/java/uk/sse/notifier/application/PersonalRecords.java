package uk.sse.notifier.application;

import java.util.List;

/**
 * What the notifier's table holds that names a person (docs/data-protection.md, decision 0105): their contact (email
 * address and choices), the notices addressed to them alone and their read marks, the emails sent to them, the requests
 * it remembers they raised, and webhook bodies that name them.
 */
public interface PersonalRecords {

    /** One item naming the person: what it is, its area if it has one, and what it holds in words. */
    record Found(String entity, String area, List<String> texts) {}

    /** What an erasure did: items kept for the person alone deleted, others rewritten without them. */
    record Changed(int deleted, int rewritten) {}

    /** Every item naming {@code subject} that is the {@code area}'s (or, having no area, a person of the area's). */
    List<Found> naming(String subject, String area);

    /**
     * Deletes the items kept for the person alone (their contact, inbox, read marks, emails) and rewrites the others
     * (a remembered raiser becomes the {@code tombstone}, a webhook body naming them {@code [erased]}), of the area.
     */
    Changed erase(String subject, String tombstone, String area);
}

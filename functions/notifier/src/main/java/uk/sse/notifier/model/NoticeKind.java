package uk.sse.notifier.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.sse.kernel.identity.Role;

/**
 * What a notice tells someone to do, and who may be told it (the roles that can choose it on their settings page). Each
 * kind is one email template; reminders are the kinds the passing of time makes rather than an event.
 */
public enum NoticeKind {
    REQUEST_RAISED(Set.of(Role.BROKER)),
    PROPOSAL_ADDRESSED(Set.of(Role.PROVIDER)),
    AGREEMENT_AWAITED(Set.of(Role.PROVIDER)),
    RATING_AWAITED(Set.of(Role.PROVIDER)),
    REQUEST_PROPOSED(Set.of(Role.ADVISER, Role.PROVIDER)),
    REQUEST_AGREED(Set.of(Role.ADVISER)),
    REQUEST_CANCELLED(Set.of(Role.ADVISER, Role.PROVIDER)),
    OFFER_AWAITS_ASSURANCE(Set.of(Role.ASSURER)),
    DESIGNATION_REFUSED(Set.of(Role.PROVIDER)),
    DESIGNATION_VERIFIED(Set.of(Role.PROVIDER)),
    SCHOOL_CLOSED(Set.of(Role.BROKER)),
    // reminders: made by the passing of time (Reminders), not by an event
    REQUEST_WAITING(Set.of(Role.BROKER)),
    WANTED_BY_NEAR(Set.of(Role.BROKER)),
    ENGAGEMENT_OVERDUE(Set.of(Role.BROKER, Role.PROVIDER)),
    REVIEW_DUE(Set.of(Role.ASSURER, Role.PROVIDER));

    private final Set<Role> roles;

    NoticeKind(Set<Role> roles) {
        this.roles = roles;
    }

    /** The name in the API: {@code request-raised}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<NoticeKind> ofApiName(String name) {
        return Arrays.stream(values()).filter(k -> k.apiName().equals(name)).findFirst();
    }

    /** The kinds a holder of {@code role} can be sent. */
    public static List<NoticeKind> forRole(Role role) {
        return Arrays.stream(values()).filter(k -> k.roles.contains(role)).toList();
    }
}

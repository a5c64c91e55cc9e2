package uk.sse.directory.application;

import java.time.LocalDate;
import uk.sse.directory.model.AssuranceAction;
import uk.sse.directory.model.Offer;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;

/**
 * Who may do what in the directory. One place, so every endpoint asks the same questions. Each grant is one membership's
 * (decision 0080): a person of several may act in any that grants it, never in parts of two.
 */
public final class DirectoryPolicy {

    private DirectoryPolicy() {}

    /** A provider's own members, or an admin of its area. */
    public static boolean mayManageProvider(Caller caller, String providerId, String area) {
        return caller.membershipsAs(Role.PROVIDER).stream()
                        .anyMatch(m -> m.belongsTo(providerId) && m.isIn(Role.PROVIDER, area))
                || caller.holds(Role.ADMIN, area);
    }

    /** Providers see their own offers in every state; assurers and admins see their area's. */
    public static boolean maySeeEveryState(Caller caller, Offer offer) {
        return isMemberOf(caller, offer.providerId())
                || caller.holds(Role.ASSURER, offer.area())
                || caller.holds(Role.ADMIN, offer.area());
    }

    public static boolean maySee(Caller caller, Offer offer, LocalDate today) {
        return offer.visibleToAdvisers(today) || maySeeEveryState(caller, offer);
    }

    /**
     * What this caller may do to the offer now: the moves its status allows that are theirs to make (the provider's
     * submit and withdraw, an assurer's decisions), so pages offer those and nothing else (decision 0070, as for requests).
     */
    public static java.util.List<String> allowedActions(Caller caller, Offer offer) {
        return uk.sse.directory.model.OfferLifecycle.allowedActions(offer.status()).stream()
                .filter(a -> mayTake(caller, AssuranceAction.valueOf(a), offer))
                .toList();
    }

    public static boolean mayTake(Caller caller, AssuranceAction action, Offer offer) {
        return switch (action.actor()) {
            case PROVIDER -> mayManageProvider(caller, offer.providerId(), offer.area());
            case ASSURER -> mayAssure(caller, offer.area(), offer.providerId());
        };
    }

    /**
     * Defining an area (decision 0082): the registrar defines new areas and changes any; an admin of the area changes its
     * definition once it is defined (its name, rules and settings), and an LA's admin their LA's, which exists undefined.
     */
    public static boolean mayDefineArea(Caller caller, String area, boolean defined) {
        return mayKeepTheRegister(caller)
                || (defined || uk.sse.kernel.area.Area.isLaCode(area)) && caller.holds(Role.ADMIN, area);
    }

    /**
     * The national school register: importing it, and following its imports. Only the registrar, never an area's
     * admin: the register says which area each school is in, so rewriting it would move another area's schools
     * (decision 0060). The scheduled import runs as the service itself, without a caller.
     */
    public static boolean mayKeepTheRegister(Caller caller) {
        return !caller.membershipsAs(Role.REGISTRAR).isEmpty();
    }

    /**
     * An assurer of the area, deciding on another organisation's offers or designations: never on their own, whichever
     * membership makes it theirs (a head who assures for the LA does not assure their own school's offers).
     */
    public static boolean mayAssure(Caller caller, String area, String providerId) {
        return caller.holds(Role.ASSURER, area)
                && caller.memberships().stream().noneMatch(m -> m.belongsTo(providerId));
    }

    /**
     * What this caller may do to the provider now: REVISE it (the provider itself or the area's admin), and
     * VERIFY_DESIGNATIONS and REFUSE_DESIGNATIONS while it claims a designation not yet verified (an assurer of its area,
     * not of the provider).
     */
    public static java.util.List<String> allowedActions(Caller caller, uk.sse.directory.model.Provider provider) {
        java.util.List<String> actions = new java.util.ArrayList<>();
        if (mayManageProvider(caller, provider.id(), provider.area())) {
            actions.add("REVISE");
        }
        if (mayAssure(caller, provider.area(), provider.id())
                && !provider.verifiedDesignations().containsAll(provider.designations())) {
            actions.add("VERIFY_DESIGNATIONS");
            actions.add("REFUSE_DESIGNATIONS");
        }
        return java.util.List.copyOf(actions);
    }

    /** Assurance queues and every-state listings of an area. */
    public static boolean mayReviewArea(Caller caller, String area) {
        return caller.holds(Role.ASSURER, area) || caller.holds(Role.ADMIN, area);
    }

    /** A member of the provider, in any membership as provider. */
    private static boolean isMemberOf(Caller caller, String providerId) {
        return caller.membershipsAs(Role.PROVIDER).stream().anyMatch(m -> m.belongsTo(providerId));
    }
}

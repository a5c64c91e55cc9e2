package uk.sse.reporting.application;

import java.util.Optional;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;

/**
 * Who may read reports: the commissioners and admins of an area, of their own area only. Another area's figures do not
 * exist for them (404), as elsewhere in the project; other roles are told reports are not theirs (403). A person of
 * several memberships sees the reports of each area they are a commissioner or admin of (decision 0080).
 */
public final class ReportPolicy {

    private ReportPolicy() {}

    public static boolean mayReport(Caller caller) {
        return reportingArea(caller).isPresent();
    }

    public static boolean maySee(Caller caller, String area) {
        return caller.holds(Role.COMMISSIONER, area) || caller.holds(Role.ADMIN, area);
    }

    /** The area a report is of when none is asked for: the hat's, if it reports, else the first membership's that does. */
    public static Optional<String> reportingArea(Caller caller) {
        return caller.memberships().stream()
                .filter(ReportPolicy::reports)
                .map(Membership::area)
                .findFirst();
    }

    private static boolean reports(Membership m) {
        return (m.role() == Role.COMMISSIONER || m.role() == Role.ADMIN) && m.area() != null;
    }
}

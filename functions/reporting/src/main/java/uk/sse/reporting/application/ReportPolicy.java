package uk.sse.reporting.application;

import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;

/**
 * Who may read reports: the commissioners and admins of an area, of their own area only. Another area's figures do not
 * exist for them (404), as elsewhere in the project; other roles are told reports are not theirs (403).
 */
public final class ReportPolicy {

    private ReportPolicy() { }

    public static boolean mayReport(Caller caller) {
        return (caller.is(Role.COMMISSIONER) || caller.is(Role.ADMIN)) && caller.area() != null;
    }

    public static boolean maySee(Caller caller, String area) {
        return mayReport(caller) && caller.actsIn(area);
    }
}

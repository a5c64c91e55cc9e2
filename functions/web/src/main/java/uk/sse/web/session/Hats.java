package uk.sse.web.session;

import jakarta.inject.Singleton;
import uk.sse.kernel.area.Area;
import uk.sse.kernel.identity.Membership;
import uk.sse.web.api.RegisterOfAreas;

/** What a membership is called on a page: its role and its area, by their names (decision 0080). */
@Singleton
public class Hats {

    private final RegisterOfAreas areas;

    public Hats(RegisterOfAreas areas) {
        this.areas = areas;
    }

    /** "Adviser, Lancashire", "Broker, Ribble Learning Trust"; a national role by its role alone. */
    public String label(Membership membership) {
        return Person.roleLabel(membership) + (membership.area() == null ? "" : ", " + areaName(membership.area()));
    }

    /** The area's name, as the directory's register defines it (an LA not defined is named by its code). */
    public String areaName(String area) {
        return areas.now().find(area).map(Area::name).orElse(area);
    }
}

package uk.sse.directory.storage;

import java.time.Instant;
import java.util.HashSet;
import uk.sse.directory.model.DirectoryArea;
import uk.sse.kernel.area.Area;
import uk.sse.kernel.area.AreaKind;
import uk.sse.kernel.area.MembershipRules;
import uk.sse.kernel.dynamo.Items;

/**
 * Area items: all in one partition ({@code AREAS / AREA#id}), so every area is read in one strongly consistent query;
 * there are tens of them, each a few hundred bytes (rules naming URNs make it more; an item holds up to 400 KB).
 */
final class AreaItems {

    static final String ENTITY = "AREA";
    static final String PK = "AREAS";

    private AreaItems() {}

    static String sk(String id) {
        return "AREA#" + id;
    }

    static Items item(DirectoryArea a) {
        MembershipRules r = a.area().rules();
        return Items.builder()
                .s(DirectoryTable.PK, PK)
                .s(DirectoryTable.SK, sk(a.id()))
                .s("entity", ENTITY)
                .s("id", a.id())
                .s("name", a.area().name())
                .s("kind", a.area().kind().name())
                .strings("laCodes", r.laCodes().stream().sorted().toList())
                .strings("trustCodes", r.trustCodes().stream().sorted().toList())
                .strings("urns", r.urns().stream().sorted().toList())
                .n("schoolsRaiseRequests", a.schoolsRaiseRequests() ? 1 : 0)
                .n("version", a.version())
                .s("updatedAt", a.updatedAt() == null ? null : a.updatedAt().toString())
                .s("updatedBy", a.updatedBy());
    }

    static DirectoryArea area(Items i) {
        MembershipRules rules = new MembershipRules(
                new HashSet<>(i.strings("laCodes")),
                new HashSet<>(i.strings("trustCodes")),
                new HashSet<>(i.strings("urns")));
        Long raise = i.n("schoolsRaiseRequests");
        return new DirectoryArea(
                new Area(i.s("id"), i.s("name"), AreaKind.valueOf(i.s("kind")), rules),
                raise != null && raise == 1,
                i.n("version"),
                i.s("updatedAt") == null ? null : Instant.parse(i.s("updatedAt")),
                i.s("updatedBy"));
    }
}

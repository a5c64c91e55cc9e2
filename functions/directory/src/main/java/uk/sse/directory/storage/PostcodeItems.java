package uk.sse.directory.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import uk.sse.directory.application.PostcodeStore;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.register.PostcodeSector;
import uk.sse.kernel.dynamo.Items;

/**
 * A postcode sector as one item: its units and their centroids in one compact string ("AA 53.771182 -2.704587;AB ..."),
 * some 25 bytes a unit, so that even the largest sectors stay far below DynamoDB's 400 KB item limit.
 */
final class PostcodeItems {

    static final String ENTITY = "POSTCODE_SECTOR";
    static final String SECTOR = "SECTOR";

    private PostcodeItems() {}

    static String pk(String sector) {
        return "POSTCODE#" + sector;
    }

    static Items item(PostcodeStore.Write w) {
        PostcodeStore.Tally t = w.tally();
        return item(w.sector())
                .s("lastImport", w.importId())
                .s("lastTally", t.created() + " " + t.updated() + " " + t.unchanged());
    }

    static PostcodeStore.Stored stored(Items i) {
        String tally = i.s("lastTally");
        String[] t = tally == null ? null : tally.split(" ");
        return new PostcodeStore.Stored(
                sector(i),
                i.s("lastImport"),
                t == null
                        ? PostcodeStore.Tally.NONE
                        : new PostcodeStore.Tally(Long.parseLong(t[0]), Long.parseLong(t[1]), Long.parseLong(t[2])));
    }

    static Items item(PostcodeSector s) {
        StringJoiner units = new StringJoiner(";");
        s.units().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> units.add(e.getKey() + " " + e.getValue().lat() + " "
                        + e.getValue().lon()));
        return Items.builder()
                .s(DirectoryTable.PK, pk(s.sector()))
                .s(DirectoryTable.SK, SECTOR)
                .s("entity", ENTITY)
                .s("sector", s.sector())
                .s("units", units.toString())
                .n("count", s.units().size());
    }

    static PostcodeSector sector(Items i) {
        Map<String, GeoPoint> units = new LinkedHashMap<>();
        for (String unit : i.s("units").split(";")) {
            String[] parts = unit.split(" ");
            units.put(parts[0], new GeoPoint(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
        }
        return new PostcodeSector(i.s("sector"), units);
    }
}

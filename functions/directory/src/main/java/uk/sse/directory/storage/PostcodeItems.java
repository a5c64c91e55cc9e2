package uk.sse.directory.storage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.directory.application.PostcodeStore;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.register.PostcodeRelease;
import uk.sse.directory.register.PostcodeSector;
import uk.sse.kernel.dynamo.Items;

/**
 * A postcode sector as one item: its units and their centroids in one compact string ("AA 53.771182 -2.704587;AB ..."),
 * some 25 bytes a unit, so that even the largest sectors stay far below DynamoDB's 400 KB item limit.
 */
final class PostcodeItems {

    static final String ENTITY = "POSTCODE_SECTOR";
    static final String SECTOR = "SECTOR";

    static final String RELEASE_ENTITY = "POSTCODE_RELEASE";
    static final Map<String, AttributeValue> RELEASE_KEY = Map.of(
            DirectoryTable.PK, AttributeValue.fromS("POSTCODES"), DirectoryTable.SK, AttributeValue.fromS("RELEASE"));

    private PostcodeItems() {}

    /** The release the directory holds: one item, its attribution lines and the import that loaded it. */
    static Items item(PostcodeStore.RecordedRelease r) {
        return Items.builder()
                .s(DirectoryTable.PK, RELEASE_KEY.get(DirectoryTable.PK).s())
                .s(DirectoryTable.SK, RELEASE_KEY.get(DirectoryTable.SK).s())
                .s("entity", RELEASE_ENTITY)
                .strings("attribution", r.release().attribution())
                .s("importId", r.importId())
                .s("importedAt", r.importedAt().toString());
    }

    static PostcodeStore.RecordedRelease release(Items i) {
        return new PostcodeStore.RecordedRelease(
                new PostcodeRelease(i.strings("attribution")), i.s("importId"), Instant.parse(i.s("importedAt")));
    }

    static String pk(String sector) {
        return "POSTCODE#" + sector;
    }

    static Items item(PostcodeStore.Write w) {
        PostcodeStore.Tally t = w.tally();
        return item(w.sector())
                .s("lastImport", w.importId())
                .s("lastTally", t.created() + " " + t.updated() + " " + t.unchanged() + " " + t.removed());
    }

    static PostcodeStore.Stored stored(Items i) {
        String tally = i.s("lastTally");
        String[] t = tally == null ? null : tally.split(" ");
        return new PostcodeStore.Stored(
                sector(i),
                i.s("lastImport"),
                t == null
                        ? PostcodeStore.Tally.NONE
                        : new PostcodeStore.Tally(
                                Long.parseLong(t[0]),
                                Long.parseLong(t[1]),
                                Long.parseLong(t[2]),
                                t.length > 3 ? Long.parseLong(t[3]) : 0)); // written before removals were counted
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

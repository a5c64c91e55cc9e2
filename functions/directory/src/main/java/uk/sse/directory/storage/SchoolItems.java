package uk.sse.directory.storage;

import uk.sse.directory.register.School;
import uk.sse.kernel.dynamo.Items;

import java.text.Normalizer;
import java.util.Locale;

/** Register entries, indexed by the start of their name nationally (gsi1) and within their LA (gsi2). */
final class SchoolItems {

    static final String ENTITY = "SCHOOL";
    static final String PROFILE = "PROFILE";

    private SchoolItems() { }

    static String pk(String urn) {
        return "SCHOOL#" + urn;
    }

    /** Lower case, accents and punctuation gone, a leading "the" dropped: "The Aldgate School" is found by "aldg". */
    static String searchable(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return plain.startsWith("the ") ? plain.substring(4) : plain;
    }

    static String initialKey(String searchableName) {
        return "SCHOOLNAME#" + (searchableName.isEmpty() ? "_" : searchableName.substring(0, 1));
    }

    static Items item(School s) {
        String searchable = searchable(s.name());
        return Items.builder()
                .s(DirectoryTable.PK, pk(s.urn())).s(DirectoryTable.SK, PROFILE).s("entity", ENTITY)
                .s(DirectoryTable.GSI1_PK, initialKey(searchable)).s(DirectoryTable.GSI1_SK, searchable + "#" + s.urn())
                .s(DirectoryTable.GSI2_PK, "LA#" + (s.laCode() == null ? "unknown" : s.laCode()))
                .s(DirectoryTable.GSI2_SK, searchable + "#" + s.urn())
                .s("urn", s.urn()).s("name", s.name()).s("laCode", s.laCode()).s("laName", s.laName())
                .s("type", s.type()).s("status", s.status()).s("phase", s.phase())
                .n("statutoryLowAge", s.statutoryLowAge()).n("statutoryHighAge", s.statutoryHighAge())
                .n("pupils", s.pupils()).n("percentageFsm", s.percentageFsm())
                .s("street", s.street()).s("locality", s.locality()).s("town", s.town()).s("postcode", s.postcode())
                .s("website", s.website()).s("region", s.region())
                .n("easting", s.easting()).n("northing", s.northing())
                .n("lat", s.latitude()).n("lon", s.longitude());
    }

    static School school(Items i) {
        return new School(i.s("urn"), i.s("name"), i.s("laCode"), i.s("laName"), i.s("type"), i.s("status"), i.s("phase"),
                i.i("statutoryLowAge"), i.i("statutoryHighAge"), i.i("pupils"), i.d("percentageFsm"),
                i.s("street"), i.s("locality"), i.s("town"), i.s("postcode"), i.s("website"), i.s("region"),
                i.i("easting"), i.i("northing"), i.d("lat"), i.d("lon"));
    }
}

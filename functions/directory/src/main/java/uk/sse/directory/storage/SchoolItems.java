package uk.sse.directory.storage;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.contracts.directory.PublishedItems;
import uk.sse.contracts.directory.PublishedSchool;
import uk.sse.directory.application.SchoolStore;
import uk.sse.directory.register.School;
import uk.sse.directory.register.SchoolStatus;
import uk.sse.kernel.dynamo.IndexQueries;
import uk.sse.kernel.dynamo.Items;

/**
 * Register entries, indexed by the start of their name nationally (gsi1) and within their LA (gsi2). Public for the test
 * in {@code shared/architecture} that feeds the directory's own items to the functions that mirror them.
 */
public final class SchoolItems {

    /** Published state (other functions mirror it): its entity and sort key are the contract's. */
    static final String ENTITY = PublishedItems.Kind.SCHOOL.entity();

    static final String PROFILE = PublishedItems.Kind.SCHOOL.sortKey();

    private SchoolItems() {}

    static String pk(String urn) {
        return "SCHOOL#" + urn;
    }

    /** Lower case, accents and punctuation gone, a leading "the" dropped: "The Aldgate School" is found by "aldg". */
    static String searchable(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
        return plain.startsWith("the ") ? plain.substring(4) : plain;
    }

    static String initialKey(String searchableName) {
        return "SCHOOLNAME#" + (searchableName.isEmpty() ? "_" : searchableName.substring(0, 1));
    }

    /** The school's item, stamped with the import that writes it and how (none for a school written otherwise). */
    static Items item(SchoolStore.Write w) {
        return item(w.school())
                .s("lastImport", w.importId())
                .s("lastChange", w.change() == null ? null : w.change().name());
    }

    static SchoolStore.Stored stored(Items i) {
        String change = i.s("lastChange");
        return new SchoolStore.Stored(
                school(i), i.s("lastImport"), change == null ? null : SchoolStore.Change.valueOf(change));
    }

    public static Items item(School s) {
        String searchable = searchable(s.name());
        return Items.builder()
                .s(DirectoryTable.PK, pk(s.urn()))
                .s(DirectoryTable.SK, PROFILE)
                .s(PublishedItems.ENTITY, ENTITY)
                .s(DirectoryTable.GSI1_PK, initialKey(searchable))
                .s(DirectoryTable.GSI1_SK, searchable + "#" + s.urn())
                .s(DirectoryTable.GSI2_PK, "LA#" + (s.laCode() == null ? "unknown" : s.laCode()))
                .s(DirectoryTable.GSI2_SK, searchable + "#" + s.urn())
                .attributes(published(s).attributes())
                .n("statutoryLowAge", s.statutoryLowAge())
                .n("statutoryHighAge", s.statutoryHighAge())
                .n("pupils", s.pupils())
                .n("percentageFsm", s.percentageFsm())
                .s("street", s.street())
                .s("locality", s.locality())
                .s("website", s.website())
                .s("region", s.region())
                .n("easting", s.easting())
                .n("northing", s.northing())
                .s("trustCode", s.trust() == null ? null : s.trust().code())
                .s("trustName", s.trust() == null ? null : s.trust().name())
                .s(
                        "federationCode",
                        s.federation() == null ? null : s.federation().code())
                .s(
                        "federationName",
                        s.federation() == null ? null : s.federation().name())
                .s("urbanRural", s.urbanRural())
                .s("ofstedRating", s.ofsted() == null ? null : s.ofsted().rating())
                .s(
                        "ofstedLastInspection",
                        s.ofsted() == null ? null : text(s.ofsted().lastInspection()))
                .s("resourcedProvisionType", s.send() == null ? null : s.send().resourcedProvisionType())
                .n(
                        "resourcedProvisionOnRoll",
                        s.send() == null ? null : s.send().resourcedProvisionOnRoll())
                .n(
                        "resourcedProvisionCapacity",
                        s.send() == null ? null : s.send().resourcedProvisionCapacity())
                .n("senUnitOnRoll", s.send() == null ? null : s.send().senUnitOnRoll())
                .n("senUnitCapacity", s.send() == null ? null : s.send().senUnitCapacity());
    }

    /** The register entry as the directory publishes it: the attributes other functions mirror (the rest are its own). */
    static PublishedSchool published(School s) {
        return new PublishedSchool(
                s.urn(),
                s.name(),
                s.laCode(),
                s.laName(),
                s.type(),
                s.phase(),
                s.town(),
                s.postcode(),
                s.latitude(),
                s.longitude(),
                s.status(),
                s.closedOn());
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /**
     * The look-up's filter for schools of {@code status}: an item without a status (written before it had one) is an
     * open school's.
     */
    static IndexQueries.Filter of(SchoolStatus status) {
        var names = Map.of("#status", "status");
        var closed = Map.of(":closed", AttributeValue.fromS(School.CLOSED));
        return switch (status) {
            case OPEN -> new IndexQueries.Filter("attribute_not_exists(#status) OR #status <> :closed", names, closed);
            case CLOSED -> new IndexQueries.Filter("#status = :closed", names, closed);
            case ALL -> IndexQueries.Filter.NONE;
        };
    }

    static School school(Items i) {
        PublishedSchool p = PublishedSchool.from(i.attributes());
        return new School(
                p.urn(),
                p.name(),
                p.laCode(),
                p.laName(),
                p.type(),
                i.s("status"),
                p.phase(),
                i.i("statutoryLowAge"),
                i.i("statutoryHighAge"),
                i.i("pupils"),
                i.d("percentageFsm"),
                i.s("street"),
                i.s("locality"),
                p.town(),
                p.postcode(),
                i.s("website"),
                i.s("region"),
                i.i("easting"),
                i.i("northing"),
                p.lat(),
                p.lon(),
                i.s("trustCode") == null && i.s("trustName") == null
                        ? null
                        : new School.Trust(i.s("trustCode"), i.s("trustName")),
                i.s("federationCode") == null && i.s("federationName") == null
                        ? null
                        : new School.Federation(i.s("federationCode"), i.s("federationName")),
                i.s("urbanRural"),
                i.s("ofstedRating") == null && i.s("ofstedLastInspection") == null
                        ? null
                        : new School.Ofsted(i.s("ofstedRating"), day(i.s("ofstedLastInspection"))),
                send(i),
                day(i.s("closedOn")));
    }

    private static School.SendProvision send(Items i) {
        School.SendProvision send = new School.SendProvision(
                i.s("resourcedProvisionType"),
                i.i("resourcedProvisionOnRoll"),
                i.i("resourcedProvisionCapacity"),
                i.i("senUnitOnRoll"),
                i.i("senUnitCapacity"));
        return send.equals(new School.SendProvision(null, null, null, null, null)) ? null : send;
    }
}

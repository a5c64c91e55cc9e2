package uk.sse.directory.storage;

import java.time.Instant;
import java.util.Locale;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.DesignationRefusal;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.kernel.dynamo.Items;

/** Provider items. */
final class ProviderItems {

    static final String ENTITY = "PROVIDER";
    static final String PROFILE = "PROFILE";

    private ProviderItems() {}

    static String pk(String id) {
        return "PROVIDER#" + id;
    }

    static Items item(Provider p) {
        return Items.builder()
                .s(DirectoryTable.PK, pk(p.id()))
                .s(DirectoryTable.SK, PROFILE)
                .s("entity", ENTITY)
                .s(DirectoryTable.GSI2_PK, "PROVIDERS#" + p.area())
                .s(DirectoryTable.GSI2_SK, p.name().toLowerCase(Locale.ROOT) + "#" + p.id())
                .s("id", p.id())
                .s("type", p.type().name())
                .s("name", p.name())
                .s("area", p.area())
                .s("urn", p.urn())
                .map("contact", contact(p.contact()))
                .s("website", p.website())
                .strings(
                        "designations",
                        p.designations().stream().map(Enum::name).toList())
                .strings(
                        "verifiedDesignations",
                        p.verifiedDesignations().stream().map(Enum::name).toList())
                .maps("refusedDesignations", p.refusedDesignations(), ProviderItems::refusalItem)
                .n("lat", p.location() == null ? null : p.location().lat())
                .n("lon", p.location() == null ? null : p.location().lon())
                .s("description", p.description())
                .n("version", p.version())
                .s("createdAt", p.createdAt().toString())
                .s("updatedAt", p.updatedAt().toString());
    }

    static Provider provider(Items i) {
        GeoPoint location = GeoPoint.valid(i.d("lat"), i.d("lon")) ? new GeoPoint(i.d("lat"), i.d("lon")) : null;
        return new Provider(
                i.s("id"),
                ProviderType.valueOf(i.s("type")),
                i.s("name"),
                i.s("area"),
                i.s("urn"),
                contact(i.map("contact")),
                i.s("website"),
                OfferItems.enums(i.strings("designations"), Designation.class),
                OfferItems.enums(i.strings("verifiedDesignations"), Designation.class),
                i.maps("refusedDesignations", ProviderItems::refusalOf),
                location,
                i.s("description"),
                i.n("version"),
                Instant.parse(i.s("createdAt")),
                Instant.parse(i.s("updatedAt")));
    }

    static Items refusalItem(DesignationRefusal r) {
        return Items.builder()
                .s("designation", r.designation().name())
                .s("reason", r.reason())
                .s("refusedBy", r.refusedBy())
                .s("refusedAt", r.refusedAt().toString());
    }

    static DesignationRefusal refusalOf(Items i) {
        return new DesignationRefusal(
                Designation.valueOf(i.s("designation")),
                i.s("reason"),
                i.s("refusedBy"),
                Instant.parse(i.s("refusedAt")));
    }

    static Items contact(Contact c) {
        return c == null
                ? null
                : Items.builder().s("name", c.name()).s("email", c.email()).s("phone", c.phone());
    }

    static Contact contact(Items i) {
        return i == null ? null : new Contact(i.s("name"), i.s("email"), i.s("phone"));
    }
}

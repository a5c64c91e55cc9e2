package uk.sse.notifier.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.notifier.model.Filters;
import uk.sse.notifier.model.Format;
import uk.sse.notifier.model.SecretRing;
import uk.sse.notifier.model.Subscription;
import uk.sse.notifier.model.SubscriptionStatus;
import uk.sse.notifier.model.Urgency;

/** Subscriptions as items and back; see {@link NotifierTable} for the keys. Secrets are sealed by {@link SecretSeal}. */
final class SubscriptionItems {

    static final String ENTITY = "SUBSCRIPTION";
    static final String SK = "SUB";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String FAILING_SINCE = "failingSince";

    private SubscriptionItems() {}

    static String pk(String id) {
        return "SUB#" + id;
    }

    static String areaPk(String area) {
        return "AREA#" + area;
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk(id)), Tables.SK, AttributeValue.fromS(SK));
    }

    static Map<String, AttributeValue> item(Subscription s, SecretSeal seal) {
        return Items.of(new HashMap<>(key(s.id())))
                .s("entity", ENTITY)
                .s(Tables.indexPk(1), areaPk(s.area()))
                .s(Tables.indexSk(1), SK + "#" + Keys.millis(s.createdAt()) + "#" + s.id())
                .s("id", s.id())
                .s("area", s.area())
                .s("url", s.url())
                .strings("eventTypes", s.eventTypes())
                .strings("areasOfSupport", s.filters().areasOfSupport())
                .strings(
                        "urgencies",
                        s.filters().urgencies().stream()
                                .map(Enum::name)
                                .sorted()
                                .toList())
                .s("format", s.format().name())
                .s("description", s.description())
                .s(STATUS, s.status().name())
                .s("statusReason", s.statusReason())
                .s("statusChangedAt", text(s.statusChangedAt()))
                .s(FAILING_SINCE, text(s.failingSince()))
                .maps(
                        "secrets",
                        s.secrets().secrets(),
                        k -> Items.builder()
                                .s("sealed", seal.seal(k.secret(), s.id()))
                                .s("createdAt", k.createdAt().toString())
                                .s("retiresAt", text(k.retiresAt())))
                .s("createdBy", s.createdBy())
                .s("createdAt", s.createdAt().toString())
                .s("updatedAt", s.updatedAt().toString())
                .n(VERSION, s.version())
                .build();
    }

    static Subscription subscription(Map<String, AttributeValue> item, SecretSeal seal) {
        Items i = Items.of(item);
        String id = i.s("id");
        SecretRing ring = new SecretRing(i.maps(
                "secrets",
                k -> new SecretRing.Keyed(
                        seal.open(k.s("sealed"), id), Instant.parse(k.s("createdAt")), instant(k.s("retiresAt")))));
        Filters filters = new Filters(
                i.strings("areasOfSupport"),
                i.strings("urgencies").stream().map(Urgency::valueOf).collect(Collectors.toSet()));
        return new Subscription(
                id,
                i.s("area"),
                i.s("url"),
                i.strings("eventTypes"),
                filters,
                Format.valueOf(i.s("format")),
                i.s("description"),
                SubscriptionStatus.valueOf(i.s(STATUS)),
                i.s("statusReason"),
                instant(i.s("statusChangedAt")),
                instant(i.s(FAILING_SINCE)),
                ring,
                i.s("createdBy"),
                Instant.parse(i.s("createdAt")),
                Instant.parse(i.s("updatedAt")),
                i.n(VERSION));
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

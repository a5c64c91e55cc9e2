package uk.sse.ledger.storage;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.sse.contracts.ledger.LedgerEvent;
import uk.sse.kernel.dynamo.Items;
import uk.sse.kernel.dynamo.Tables;
import uk.sse.kernel.events.EventEnvelope;
import uk.sse.kernel.events.EventItems;
import uk.sse.kernel.events.EventJson;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Transfer;
import uk.sse.ledger.model.TransferId;
import uk.sse.ledger.model.TransferKind;
import uk.sse.ledger.model.TransferState;

/** The ledger's records as DynamoDB items and back; see {@link LedgerTable} for the keys. */
final class LedgerItems {

    static final String ACCOUNT = "ACCOUNT";
    static final String TRANSFER = "TRANSFER";
    static final String ENTRY = "ENTRY#";
    static final String HOLDS_DUE = "HOLDS_DUE";
    static final String VERSION = "version";
    static final String STATE = "state";
    static final String REVISION = "revision";

    private static final String AREA_PK = Tables.indexPk(1);
    private static final String AREA_SK = Tables.indexSk(1);
    private static final String DUE_PK = Tables.indexPk(2);
    private static final String DUE_SK = Tables.indexSk(2);

    private LedgerItems() {}

    static String accountPk(AccountId id) {
        return "ACCOUNT#" + id;
    }

    static String areaPk(String area) {
        return "AREA#" + area;
    }

    static Map<String, AttributeValue> accountKey(AccountId id) {
        return key(accountPk(id), ACCOUNT);
    }

    static Map<String, AttributeValue> transferKey(TransferId id) {
        return key("TRANSFER#" + id, TRANSFER);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk), Tables.SK, AttributeValue.fromS(sk));
    }

    /** Sort keys of one account's entries: the account version, fixed width so that they sort as numbers. */
    static String entrySk(long version) {
        return ENTRY + String.format("%019d", version);
    }

    /** Due-index sort key: the timeout in epoch milliseconds, fixed width, then the id. */
    static String dueSk(Instant timeout, String id) {
        return String.format("%015d", timeout.toEpochMilli()) + "#" + id;
    }

    static Map<String, AttributeValue> item(Account a) {
        return Items.of(new java.util.HashMap<>(accountKey(a.id())))
                .s("type", ACCOUNT)
                .s(AREA_PK, areaPk(a.area()))
                .s(AREA_SK, ACCOUNT + "#" + a.owner())
                .s("account", a.id().value())
                .s("area", a.area())
                .s("owner", a.owner())
                .bool("issuing", a.issuing())
                .n("debitsPosted", a.debitsPosted())
                .n("creditsPosted", a.creditsPosted())
                .n("debitsPending", a.debitsPending())
                .n("creditsPending", a.creditsPending())
                .n(VERSION, a.version())
                .build();
    }

    static Account account(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new Account(
                new AccountId(i.s("account")),
                i.s("area"),
                i.s("owner"),
                item.get("issuing").bool(),
                i.n("debitsPosted"),
                i.n("creditsPosted"),
                i.n("debitsPending"),
                i.n("creditsPending"),
                i.n(VERSION));
    }

    static Map<String, AttributeValue> item(Transfer t) {
        Items i = Items.of(new java.util.HashMap<>(transferKey(t.id())))
                .s("type", TRANSFER)
                .s(AREA_PK, areaPk(t.debit().area()))
                .s(AREA_SK, TRANSFER + "#" + t.id())
                .s("id", t.id().value())
                .s("area", t.debit().area())
                .s("debit", t.debit().value())
                .s("credit", t.credit().value())
                .n("amount", t.amount())
                .s("kind", t.kind().name())
                .s("reference", t.reference())
                .bool("pending", t.pending())
                .n("timeoutSeconds", t.timeoutSeconds())
                .s("createdAt", t.createdAt().toString())
                .s("timeout", t.timeout() == null ? null : t.timeout().toString())
                .s(STATE, t.state().name())
                .n("postedAmount", t.postedAmount())
                .s("resolvedAt", t.resolvedAt() == null ? null : t.resolvedAt().toString())
                .n(REVISION, t.revision());
        Map<String, AttributeValue> item = new java.util.HashMap<>(i.build());
        if (t.requestedBy() != null) {
            item.put("requestedBy", requester(t.requestedBy()));
        }
        if (t.resolvedBy() != null) {
            item.put("resolvedBy", requester(t.resolvedBy()));
        }
        if (t.state() == TransferState.PENDING && t.timeout() != null) {
            item.put(DUE_PK, AttributeValue.fromS(HOLDS_DUE));
            item.put(DUE_SK, AttributeValue.fromS(dueSk(t.timeout(), t.id().value())));
        }
        return item;
    }

    static AttributeValue requesterValue(Requester r) {
        return requester(r);
    }

    static Requester requesterOf(AttributeValue value) {
        return requester(value);
    }

    private static AttributeValue requester(Requester r) {
        Map<String, AttributeValue> m = new java.util.HashMap<>();
        m.put("subject", AttributeValue.fromS(r.subject()));
        m.put("role", AttributeValue.fromS(r.role()));
        if (r.area() != null) {
            m.put("area", AttributeValue.fromS(r.area()));
        }
        if (r.organisation() != null) {
            m.put("organisation", AttributeValue.fromS(r.organisation()));
        }
        if (r.onBehalfOf() != null) {
            m.put("onBehalfOf", requester(r.onBehalfOf()));
        }
        return AttributeValue.fromM(m);
    }

    /** Null for an item written before transfers recorded who asked. */
    private static Requester requester(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> m = value.m();
        return new Requester(
                m.get("subject").s(),
                m.get("role").s(),
                text(m.get("area")),
                text(m.get("organisation")),
                requester(m.get("onBehalfOf")));
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    static Transfer transfer(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new Transfer(
                new TransferId(i.s("id")),
                new AccountId(i.s("debit")),
                new AccountId(i.s("credit")),
                i.n("amount"),
                TransferKind.valueOf(i.s("kind")),
                i.s("reference") == null ? "" : i.s("reference"),
                item.get("pending").bool(),
                i.n("timeoutSeconds"),
                Instant.parse(i.s("createdAt")),
                instant(i.s("timeout")),
                TransferState.valueOf(i.s(STATE)),
                i.n("postedAmount"),
                instant(i.s("resolvedAt")),
                requester(item.get("requestedBy")),
                requester(item.get("resolvedBy")),
                item.containsKey(REVISION) ? i.n(REVISION) : 0);
    }

    /** A published event's item, beside what it is about: {@code ACCOUNT#<account>} or {@code TRANSFER#<id>} / {@code EVENT#<what>}. */
    static Map<String, AttributeValue> item(LedgerEvent e, EventJson json) {
        String pk = switch (e) {
            case LedgerEvent.AccountOpened o -> "ACCOUNT#" + o.account();
            case LedgerEvent.TransferCreated c -> "TRANSFER#" + c.transfer();
            case LedgerEvent.TransferPosted p -> "TRANSFER#" + p.transfer();
            case LedgerEvent.TransferVoided v -> "TRANSFER#" + v.transfer();
        };
        String what = e.type().substring(e.type().lastIndexOf('.') + 1);
        EventEnvelope envelope = new EventEnvelope(e.type(), e.eventId(), e.occurredAt(), e.area(), e.data());
        return EventItems.item(pk, "EVENT#" + what, envelope, json.write(envelope));
    }

    static Map<String, AttributeValue> item(Entry e, long sequence) {
        return Items.of(new java.util.HashMap<>(key(accountPk(e.account()), entrySk(sequence))))
                .s("type", "ENTRY")
                .s(AREA_PK, areaPk(e.account().area()))
                .s(AREA_SK, ENTRY + e.account() + "#" + String.format("%019d", sequence))
                .s("account", e.account().value())
                .s("transfer", e.transfer().value())
                .n("amount", e.amount())
                .n("balanceAfter", e.balanceAfter())
                .s("at", e.at().toString())
                .build();
    }

    static Entry entry(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new Entry(
                new AccountId(i.s("account")),
                new TransferId(i.s("transfer")),
                i.n("amount"),
                i.n("balanceAfter"),
                Instant.parse(i.s("at")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

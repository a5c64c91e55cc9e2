package uk.sse.contracts.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import uk.sse.contracts.Contract;
import uk.sse.contracts.Fields;

/**
 * What the ledger publishes in its table's stream (docs/events.md, "Ledger"), version 1 of each. The ledger's model
 * builds them; consumers read them with {@link #read}. Accounts are {@code <area>/<owner>}; amounts whole credits.
 */
public sealed interface LedgerEvent extends Contract {

    int VERSION = 1;

    String ACCOUNT_OPENED = "ledger.account.opened";
    String TRANSFER_CREATED = "ledger.transfer.created";
    String TRANSFER_POSTED = "ledger.transfer.posted";
    String TRANSFER_VOIDED = "ledger.transfer.voided";

    /**
     * An account was opened (an organisation's, or the area's issuing account when {@code issuing}).
     * Id {@code <account>/opened}.
     */
    record AccountOpened(Instant occurredAt, String area, String account, String owner, boolean issuing)
            implements LedgerEvent {
        public String type() {
            return ACCOUNT_OPENED;
        }

        public String eventId() {
            return account + "/opened";
        }

        public Map<String, Object> data() {
            return members("account", account, "owner", owner, "issuing", issuing);
        }
    }

    /**
     * A transfer was made: a hold ({@code pending}, state {@code PENDING}, until {@code timeout} if one is set) or a
     * single-phase transfer whose credits moved at once (state {@code SINGLE_PHASE}). Id {@code <transfer>/created}.
     */
    record TransferCreated(
            Instant occurredAt,
            String area,
            String transfer,
            String debit,
            String credit,
            long amount,
            String kind,
            String reference,
            boolean pending,
            String state,
            Instant timeout,
            String requestedBy)
            implements LedgerEvent {
        public String type() {
            return TRANSFER_CREATED;
        }

        public String eventId() {
            return transfer + "/created";
        }

        public Map<String, Object> data() {
            Map<String, Object> d = members(
                    "transfer",
                    transfer,
                    "debit",
                    debit,
                    "credit",
                    credit,
                    "amount",
                    amount,
                    "kind",
                    kind,
                    "reference",
                    reference,
                    "pending",
                    pending,
                    "state",
                    state,
                    "requestedBy",
                    requestedBy);
            if (timeout != null) {
                d.put("timeout", timeout.toString());
            }
            return d;
        }
    }

    /** A hold was posted: {@code posted} of its {@code amount} moved, the rest released. Id {@code <transfer>/posted}. */
    record TransferPosted(
            Instant occurredAt,
            String area,
            String transfer,
            String debit,
            String credit,
            long amount,
            long posted,
            String kind,
            String resolvedBy)
            implements LedgerEvent {
        public String type() {
            return TRANSFER_POSTED;
        }

        public String eventId() {
            return transfer + "/posted";
        }

        public Map<String, Object> data() {
            return members(
                    "transfer",
                    transfer,
                    "debit",
                    debit,
                    "credit",
                    credit,
                    "amount",
                    amount,
                    "posted",
                    posted,
                    "kind",
                    kind,
                    "resolvedBy",
                    resolvedBy);
        }
    }

    /**
     * A hold was voided: its whole amount released, by a party or the brokerage, or by the ledger's sweeper once its
     * timeout passed ({@code expired}). Id {@code <transfer>/voided}.
     */
    record TransferVoided(
            Instant occurredAt,
            String area,
            String transfer,
            String debit,
            String credit,
            long amount,
            String kind,
            boolean expired,
            String resolvedBy)
            implements LedgerEvent {
        public String type() {
            return TRANSFER_VOIDED;
        }

        public String eventId() {
            return transfer + "/voided";
        }

        public Map<String, Object> data() {
            return members(
                    "transfer",
                    transfer,
                    "debit",
                    debit,
                    "credit",
                    credit,
                    "amount",
                    amount,
                    "kind",
                    kind,
                    "expired",
                    expired,
                    "resolvedBy",
                    resolvedBy);
        }
    }

    /**
     * The ledger's event in an envelope of these parts; empty for a type that is not the ledger's (or one this
     * version does not know). Unknown members are ignored and newer versions read.
     *
     * @throws Fields.Unreadable if a member the type needs is missing or of another type, or the version is older
     */
    static Optional<LedgerEvent> read(String type, Instant occurredAt, String area, Map<String, Object> data) {
        if (!type.startsWith("ledger.")) {
            return Optional.empty();
        }
        Fields f = switch (type) {
            case ACCOUNT_OPENED, TRANSFER_CREATED, TRANSFER_POSTED, TRANSFER_VOIDED -> Fields.of(type, data, VERSION);
            default -> null;
        };
        if (f == null) {
            return Optional.empty();
        }
        return Optional.of(
                switch (type) {
                    case ACCOUNT_OPENED ->
                        new AccountOpened(occurredAt, area, f.text("account"), f.text("owner"), f.flag("issuing"));
                    case TRANSFER_CREATED ->
                        new TransferCreated(
                                occurredAt,
                                area,
                                f.text("transfer"),
                                f.text("debit"),
                                f.text("credit"),
                                f.whole("amount"),
                                f.text("kind"),
                                f.text("reference"),
                                f.flag("pending"),
                                f.text("state"),
                                f.optionalInstant("timeout"),
                                f.optionalText("requestedBy"));
                    case TRANSFER_POSTED ->
                        new TransferPosted(
                                occurredAt,
                                area,
                                f.text("transfer"),
                                f.text("debit"),
                                f.text("credit"),
                                f.whole("amount"),
                                f.whole("posted"),
                                f.text("kind"),
                                f.optionalText("resolvedBy"));
                    default ->
                        new TransferVoided(
                                occurredAt,
                                area,
                                f.text("transfer"),
                                f.text("debit"),
                                f.text("credit"),
                                f.whole("amount"),
                                f.text("kind"),
                                f.flag("expired"),
                                f.optionalText("resolvedBy"));
                });
    }

    private static Map<String, Object> members(
            Object... namesAndValues) { // who asked is unknown on transfers older than it
        return Contract.members(VERSION, namesAndValues);
    }
}

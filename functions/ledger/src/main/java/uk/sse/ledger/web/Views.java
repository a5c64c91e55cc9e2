package uk.sse.ledger.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import uk.sse.ledger.model.Account;
import uk.sse.ledger.model.Entry;
import uk.sse.ledger.model.Requester;
import uk.sse.ledger.model.Transfer;

/** What the API answers: the model's records with ids as plain text and the derived balances spelled out. */
final class Views {

    private Views() {}

    @Serdeable
    record AccountView(
            String id,
            String area,
            String owner,
            boolean issuing,
            long balance,
            long available,
            long debitsPosted,
            long creditsPosted,
            long debitsPending,
            long creditsPending,
            long version) {
        static AccountView of(Account a) {
            return new AccountView(
                    a.id().value(),
                    a.area(),
                    a.owner(),
                    a.issuing(),
                    a.balance(),
                    a.available(),
                    a.debitsPosted(),
                    a.creditsPosted(),
                    a.debitsPending(),
                    a.creditsPending(),
                    a.version());
        }
    }

    @Serdeable
    record TransferView(
            String id,
            String debit,
            String credit,
            long amount,
            String kind,
            String reference,
            boolean pending,
            long timeoutSeconds,
            Instant createdAt,
            @Nullable Instant timeout,
            String state,
            long postedAmount,
            @Nullable Instant resolvedAt,
            @Nullable RequesterView requestedBy,
            @Nullable RequesterView resolvedBy) {
        static TransferView of(Transfer t) {
            return new TransferView(
                    t.id().value(),
                    t.debit().value(),
                    t.credit().value(),
                    t.amount(),
                    t.kind().name(),
                    t.reference(),
                    t.pending(),
                    t.timeoutSeconds(),
                    t.createdAt(),
                    t.timeout(),
                    t.state().name(),
                    t.postedAmount(),
                    t.resolvedAt(),
                    RequesterView.of(t.requestedBy()),
                    RequesterView.of(t.resolvedBy()));
        }
    }

    /** Who asked: a person ({@code role} theirs) or a service ({@code role} SERVICE, with the person it acted for). */
    @Serdeable
    record RequesterView(
            String subject,
            String role,
            @Nullable String area,
            @Nullable String organisation,
            @Nullable RequesterView onBehalfOf) {
        static RequesterView of(Requester r) {
            return r == null
                    ? null
                    : new RequesterView(r.subject(), r.role(), r.area(), r.organisation(), of(r.onBehalfOf()));
        }
    }

    /** An area's credit scheme; version 0 is an area with none (it gives nothing). */
    @Serdeable
    record CreditSchemeView(
            String area,
            long creditsPerTerm,
            boolean unspentExpires,
            long version,
            @Nullable Instant setAt,
            @Nullable RequesterView setBy) {
        static CreditSchemeView of(uk.sse.ledger.model.CreditScheme s) {
            return new CreditSchemeView(
                    s.area(),
                    s.creditsPerTerm(),
                    s.unspentExpires(),
                    s.version(),
                    s.setAt(),
                    RequesterView.of(s.setBy()));
        }

        static CreditSchemeView none(String area) {
            return new CreditSchemeView(area, 0, false, 0, null, null);
        }
    }

    /** One line of a statement: {@code amount} is signed (negative out), {@code balanceAfter} the running balance. */
    @Serdeable
    record EntryView(String account, String transfer, long amount, long balanceAfter, Instant at) {
        static EntryView of(Entry e) {
            return new EntryView(e.account().value(), e.transfer().value(), e.amount(), e.balanceAfter(), e.at());
        }
    }
}

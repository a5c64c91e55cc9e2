package uk.sse.ledger.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.ledger.model.Command.CreateTransfer;
import uk.sse.ledger.model.Command.ExpireHolds;
import uk.sse.ledger.model.Command.ExtendHold;
import uk.sse.ledger.model.Command.PostPending;
import uk.sse.ledger.model.Command.VoidPending;
import uk.sse.ledger.model.Result.AlreadyApplied;
import uk.sse.ledger.model.Result.Applied;
import uk.sse.ledger.model.Result.Refused;

/**
 * The ledger's rules as one pure function: a snapshot of the items a command touches and the command in,
 * the {@link Result} out. Every account changed appears once in the result with its version raised by one.
 */
public final class Ledger {
    public static final int MAX_REFERENCE = 200;
    public static final long MAX_TIMEOUT_SECONDS = 366L * 24 * 3600;

    private Ledger() {}

    public static Result apply(Snapshot snapshot, Command command) {
        try {
            return switch (command) {
                case CreateTransfer c -> create(snapshot, c);
                case PostPending p -> post(snapshot, p);
                case VoidPending v -> voidHold(snapshot, v);
                case ExtendHold x -> extend(snapshot, x);
                case ExpireHolds e -> expire(snapshot, e);
            };
        } catch (ArithmeticException overflow) {
            return new Refused(Refusal.OVERFLOW, "a total would pass " + Long.MAX_VALUE + " credits");
        }
    }

    private static Result create(Snapshot s, CreateTransfer c) {
        Optional<Transfer> existing = s.transfer(c.id());
        if (existing.isPresent()) {
            return existing.get().sameBody(c)
                    ? new AlreadyApplied(existing.get())
                    : new Refused(
                            Refusal.ID_REUSED_WITH_DIFFERENT_BODY,
                            "transfer " + c.id() + " exists with a different body");
        }
        if (c.amount() <= 0)
            return new Refused(Refusal.AMOUNT_NOT_POSITIVE, "amount must be a positive whole number of credits");
        if (c.debit().equals(c.credit()))
            return new Refused(Refusal.SAME_ACCOUNT, "debit and credit accounts are the same");
        if (c.kind() == null) return new Refused(Refusal.KIND_REQUIRED, "kind is required");
        if (c.reference().length() > MAX_REFERENCE)
            return new Refused(Refusal.REFERENCE_TOO_LONG, "reference is over " + MAX_REFERENCE + " characters");
        if (c.kind() == TransferKind.ADJUSTMENT && c.reference().isBlank())
            return new Refused(Refusal.REFERENCE_REQUIRED, "an adjustment needs a reference saying why it is made");
        if (c.timeoutSeconds() < 0
                || c.timeoutSeconds() > MAX_TIMEOUT_SECONDS
                || (!c.pending() && c.timeoutSeconds() != 0))
            return new Refused(
                    Refusal.TIMEOUT_INVALID,
                    "timeout must be 0.." + MAX_TIMEOUT_SECONDS + " seconds, and only on a pending transfer");
        Optional<Refused> namespace = namespace(c);
        if (namespace.isPresent()) return namespace.get();
        Optional<Account> debit = s.account(c.debit());
        Optional<Account> credit = s.account(c.credit());
        if (debit.isEmpty()) return new Refused(Refusal.UNKNOWN_DEBIT_ACCOUNT, "no account " + c.debit());
        if (credit.isEmpty()) return new Refused(Refusal.UNKNOWN_CREDIT_ACCOUNT, "no account " + c.credit());
        Account d = debit.get(), k = credit.get();
        if (!d.area().equals(k.area()))
            return new Refused(Refusal.DIFFERENT_AREAS, "accounts are in areas " + d.area() + " and " + k.area());
        if (c.kind() == TransferKind.ALLOCATION && !d.issuing())
            return new Refused(
                    Refusal.ALLOCATION_NOT_FROM_ISSUING, "an allocation comes from the area's issuing account");
        if ((d.issuing() || k.issuing()) && !issuingMayMove(c, d.area()))
            return new Refused(
                    Refusal.ISSUING_ACCOUNT_RESTRICTED,
                    "the issuing account moves only by an allocation or an adjustment" + " that a commissioner of area "
                            + d.area() + " makes, never held");

        long amount = c.amount();
        Account newDebit, newCredit;
        List<Entry> entries = new ArrayList<>();
        TransferState state;
        if (c.pending()) {
            newDebit = d.with(
                    d.debitsPosted(), d.creditsPosted(), Math.addExact(d.debitsPending(), amount), d.creditsPending());
            newCredit = k.with(
                    k.debitsPosted(), k.creditsPosted(), k.debitsPending(), Math.addExact(k.creditsPending(), amount));
            state = TransferState.PENDING;
        } else {
            newDebit = d.with(
                    Math.addExact(d.debitsPosted(), amount), d.creditsPosted(), d.debitsPending(), d.creditsPending());
            newCredit = k.with(
                    k.debitsPosted(), Math.addExact(k.creditsPosted(), amount), k.debitsPending(), k.creditsPending());
            state = TransferState.SINGLE_PHASE;
            entries.add(new Entry(d.id(), c.id(), -amount, newDebit.balance(), c.at()));
            entries.add(new Entry(k.id(), c.id(), amount, newCredit.balance(), c.at()));
        }
        if (!d.issuing() && newDebit.available() < 0)
            return new Refused(
                    Refusal.INSUFFICIENT_FUNDS,
                    c.debit() + " has " + d.available() + " credits available, not " + amount);
        newCredit.available(); // overflow guard on the credit side
        Instant timeout = c.pending() && c.timeoutSeconds() > 0 ? c.at().plusSeconds(c.timeoutSeconds()) : null;
        Transfer t = new Transfer(
                c.id(),
                c.debit(),
                c.credit(),
                amount,
                c.kind(),
                c.reference(),
                c.pending(),
                c.timeoutSeconds(),
                c.at(),
                timeout,
                state,
                c.pending() ? 0 : amount,
                c.pending() ? null : c.at(),
                c.by(),
                c.pending() ? null : c.by(),
                0);
        return new Applied(List.of(newDebit.bumped(), newCredit.bumped()), List.of(t), entries);
    }

    private static Result post(Snapshot s, PostPending p) {
        Optional<Transfer> found = s.transfer(p.id());
        if (found.isEmpty()) return new Refused(Refusal.UNKNOWN_TRANSFER, "no transfer " + p.id());
        Transfer hold = found.get();
        if (!hold.pending()) return new Refused(Refusal.NOT_A_HOLD, "transfer " + p.id() + " is not pending");
        if (hold.id().brokerageHold() && !p.by().isService()) return reservedHold(hold);
        long amount = p.amount().orElse(hold.amount());
        switch (hold.state()) {
            case POSTED -> {
                return amount == hold.postedAmount() ? new AlreadyApplied(hold) : alreadyResolved(hold);
            }
            case VOIDED -> {
                return alreadyResolved(hold);
            }
            default -> {}
        }
        if (hold.expiredAt(p.at()))
            return new Refused(Refusal.HOLD_EXPIRED, "hold " + p.id() + " timed out at " + hold.timeout());
        if (amount <= 0)
            return new Refused(
                    Refusal.AMOUNT_NOT_POSITIVE, "amount to post must be a positive whole number of credits");
        if (amount > hold.amount())
            return new Refused(
                    Refusal.POST_EXCEEDS_HOLD,
                    "hold " + p.id() + " is for " + hold.amount() + " credits, not " + amount);
        Map<AccountId, Account> changed = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        Optional<Refused> missing = release(s, hold, amount, p.at(), changed, entries);
        if (missing.isPresent()) return missing.get();
        return new Applied(
                bumped(changed), List.of(hold.resolved(TransferState.POSTED, amount, p.by(), p.at())), entries);
    }

    private static Result voidHold(Snapshot s, VoidPending v) {
        Optional<Transfer> found = s.transfer(v.id());
        if (found.isEmpty()) return new Refused(Refusal.UNKNOWN_TRANSFER, "no transfer " + v.id());
        Transfer hold = found.get();
        if (!hold.pending()) return new Refused(Refusal.NOT_A_HOLD, "transfer " + v.id() + " is not pending");
        if (hold.id().brokerageHold() && !v.by().isService()) return reservedHold(hold);
        switch (hold.state()) {
            case VOIDED -> {
                return new AlreadyApplied(hold);
            }
            case POSTED -> {
                return alreadyResolved(hold);
            }
            default -> {}
        }
        Map<AccountId, Account> changed = new LinkedHashMap<>();
        Optional<Refused> missing = release(s, hold, 0, v.at(), changed, new ArrayList<>());
        if (missing.isPresent()) return missing.get();
        return new Applied(bumped(changed), List.of(hold.resolved(TransferState.VOIDED, 0, v.by(), v.at())), List.of());
    }

    private static Result extend(Snapshot s, ExtendHold x) {
        Optional<Transfer> found = s.transfer(x.id());
        if (found.isEmpty()) return new Refused(Refusal.UNKNOWN_TRANSFER, "no transfer " + x.id());
        Transfer hold = found.get();
        if (!hold.pending()) return new Refused(Refusal.NOT_A_HOLD, "transfer " + x.id() + " is not pending");
        if (hold.id().brokerageHold() && !x.by().isService()) return reservedHold(hold);
        if (hold.state() != TransferState.PENDING) return alreadyResolved(hold);
        if (hold.expiredAt(x.at()))
            return new Refused(Refusal.HOLD_EXPIRED, "hold " + x.id() + " timed out at " + hold.timeout());
        if (x.timeoutSeconds() <= 0 || x.timeoutSeconds() > MAX_TIMEOUT_SECONDS)
            return new Refused(
                    Refusal.TIMEOUT_INVALID, "an extension is 1.." + MAX_TIMEOUT_SECONDS + " seconds from now");
        Instant until = x.at().plusSeconds(x.timeoutSeconds());
        if (hold.timeout() == null || !until.isAfter(hold.timeout())) return new AlreadyApplied(hold); // never earlier
        return new Applied(List.of(), List.of(hold.extended(until)), List.of());
    }

    private static Result expire(Snapshot s, ExpireHolds e) {
        Map<AccountId, Account> changed = new LinkedHashMap<>();
        List<Transfer> voided = new ArrayList<>();
        List<Transfer> due = s.transfers().values().stream()
                .filter(t -> t.pending() && t.expiredAt(e.now()))
                .sorted(Comparator.comparing(Transfer::id))
                .toList();
        for (Transfer hold : due) {
            Optional<Refused> missing = release(s, hold, 0, e.now(), changed, new ArrayList<>());
            if (missing.isPresent()) return missing.get();
            voided.add(hold.resolved(TransferState.VOIDED, 0, Requester.SWEEPER, e.now()));
        }
        return new Applied(bumped(changed), voided, List.of());
    }

    /** Takes the hold off both accounts' pending totals and posts {@code posted} of it. */
    private static Optional<Refused> release(
            Snapshot s, Transfer hold, long posted, Instant at, Map<AccountId, Account> changed, List<Entry> entries) {
        Account d = changed.containsKey(hold.debit())
                ? changed.get(hold.debit())
                : s.accounts().get(hold.debit());
        Account k = changed.containsKey(hold.credit())
                ? changed.get(hold.credit())
                : s.accounts().get(hold.credit());
        if (d == null || k == null)
            return Optional.of(
                    new Refused(Refusal.UNKNOWN_ACCOUNT, "hold " + hold.id() + " names an account not read"));
        Account newDebit = d.with(
                Math.addExact(d.debitsPosted(), posted),
                d.creditsPosted(),
                Math.subtractExact(d.debitsPending(), hold.amount()),
                d.creditsPending());
        Account newCredit = k.with(
                k.debitsPosted(),
                Math.addExact(k.creditsPosted(), posted),
                k.debitsPending(),
                Math.subtractExact(k.creditsPending(), hold.amount()));
        changed.put(newDebit.id(), newDebit);
        changed.put(newCredit.id(), newCredit);
        if (posted > 0) {
            entries.add(new Entry(d.id(), hold.id(), -posted, newDebit.balance(), at));
            entries.add(new Entry(k.id(), hold.id(), posted, newCredit.balance(), at));
        }
        return Optional.empty();
    }

    /**
     * Who may use the reserved namespaces: the brokerage's ({@code brk:}) a service, for pending payments with a timeout;
     * a credit scheme's ({@code entitle.}, {@code expire.}) the ledger's scheme job, each transfer the shape its id names;
     * everything else people.
     */
    private static Optional<Refused> namespace(CreateTransfer c) {
        boolean schemes = c.by().isService() && Requester.SCHEMES.equals(c.by().subject());
        if (c.id().schemeTransfer() || schemes)
            return c.id().schemeTransfer()
                            && schemes
                            && SchemeTransfers.shapeMatches(c.id(), c.debit(), c.credit(), c.kind(), c.pending())
                    ? Optional.empty()
                    : Optional.of(
                            new Refused(
                                    Refusal.RESERVED_ID,
                                    "transfer ids beginning " + TransferId.ENTITLEMENT_PREFIX + " and "
                                            + TransferId.EXPIRY_PREFIX
                                            + " are an area's credit scheme's, made only by the ledger's scheme job, each the shape its id names"));
        if (c.id().brokerageHold() != c.by().isService())
            return Optional.of(new Refused(
                    Refusal.RESERVED_ID,
                    c.id().brokerageHold()
                            ? "transfer ids beginning " + TransferId.BROKERAGE_PREFIX
                                    + " are the brokerage's engagement holds"
                            : "a service makes only engagement holds, with ids beginning "
                                    + TransferId.BROKERAGE_PREFIX));
        if (c.by().isService() && (c.kind() != TransferKind.PAYMENT || !c.pending() || c.timeoutSeconds() == 0))
            return Optional.of(
                    new Refused(Refusal.RESERVED_ID, "an engagement hold is a pending payment with a timeout"));
        return Optional.empty();
    }

    /**
     * The issuing account is debited or credited only by an allocation or an adjustment, posted at once: a commissioner's,
     * or the area's credit scheme's made by the scheme job for the commissioner who set it.
     */
    private static boolean issuingMayMove(CreateTransfer c, String area) {
        return !c.pending()
                && (c.by().isCommissionerOf(area) || c.id().schemeTransfer() && c.by().isSchemesFor(area))
                && (c.kind() == TransferKind.ALLOCATION || c.kind() == TransferKind.ADJUSTMENT);
    }

    private static Refused reservedHold(Transfer hold) {
        return new Refused(
                Refusal.RESERVED_ID, "hold " + hold.id() + " is an engagement's: only the brokerage resolves it");
    }

    private static List<Account> bumped(Map<AccountId, Account> changed) {
        return changed.values().stream().map(Account::bumped).toList();
    }

    private static Refused alreadyResolved(Transfer hold) {
        return new Refused(
                Refusal.HOLD_ALREADY_RESOLVED,
                "hold " + hold.id() + " is already " + hold.state().name().toLowerCase()
                        + (hold.state() == TransferState.POSTED ? " (" + hold.postedAmount() + " credits)" : ""),
                Optional.of(hold.state()));
    }
}

package uk.sse.brokerage.model;

import java.util.Map;
import java.util.TreeMap;
import uk.sse.brokerage.model.LedgerEffect.PlaceHold;
import uk.sse.brokerage.model.LedgerEffect.PostHold;
import uk.sse.brokerage.model.LedgerEffect.VoidHold;
import uk.sse.brokerage.model.LedgerEffect.VoidStrayHold;

/** Just enough of the ledger's hold semantics for the brokerage's tests: idempotent by transfer id, refuses want of credits. */
final class FakeLedger {
    enum State {
        PENDING,
        POSTED,
        VOIDED
    }

    record Hold(String id, String debit, String credit, long amount, String reference, State state, long posted) {}

    /** What the ledger answered: done now, done before (a replay), or refused with a reason. */
    enum Answer {
        APPLIED,
        ALREADY_APPLIED,
        REFUSED
    }

    record Outcome(Answer answer, String reason) {
        boolean ok() {
            return answer != Answer.REFUSED;
        }
    }

    final Map<String, Long> balances = new TreeMap<>();
    final Map<String, Long> pending = new TreeMap<>();
    final Map<String, Hold> holds = new TreeMap<>();

    void fund(String account, long credits) {
        balances.merge(account, credits, Long::sum);
    }

    long available(String account) {
        return balances.getOrDefault(account, 0L) - pending.getOrDefault(account, 0L);
    }

    Outcome apply(LedgerEffect effect) {
        return switch (effect) {
            case PlaceHold p -> place(p);
            case PostHold p -> post(p);
            case VoidHold v -> voidHold(v.transferId(), false);
            case VoidStrayHold v -> voidHold(v.transferId(), true);
            case LedgerEffect.ExtendHold x ->
                holds.containsKey(x.transferId()) && holds.get(x.transferId()).state() == State.PENDING
                        ? new Outcome(Answer.APPLIED, null)
                        : refused("NOT_PENDING");
        };
    }

    private Outcome place(PlaceHold p) {
        Hold existing = holds.get(p.transferId());
        if (existing != null) {
            boolean same = existing.debit().equals(p.schoolAccount())
                    && existing.credit().equals(p.providerAccount())
                    && existing.amount() == p.credits()
                    && existing.reference().equals(p.reference());
            return same
                    ? new Outcome(Answer.ALREADY_APPLIED, existing.state().name())
                    : refused("ID_REUSED_WITH_DIFFERENT_BODY");
        }
        if (available(p.schoolAccount()) < p.credits()) return refused("INSUFFICIENT_FUNDS");
        holds.put(
                p.transferId(),
                new Hold(
                        p.transferId(),
                        p.schoolAccount(),
                        p.providerAccount(),
                        p.credits(),
                        p.reference(),
                        State.PENDING,
                        0));
        pending.merge(p.schoolAccount(), p.credits(), Long::sum);
        return new Outcome(Answer.APPLIED, null);
    }

    private Outcome post(PostHold p) {
        Hold h = holds.get(p.transferId());
        if (h == null) return refused("UNKNOWN_TRANSFER");
        if (h.state() == State.POSTED)
            return h.posted() == p.amount()
                    ? new Outcome(Answer.ALREADY_APPLIED, null)
                    : refused("HOLD_ALREADY_RESOLVED");
        if (h.state() == State.VOIDED) return refused("HOLD_ALREADY_RESOLVED");
        if (p.amount() <= 0 || p.amount() > h.amount()) return refused("BAD_AMOUNT");
        pending.merge(h.debit(), -h.amount(), Long::sum);
        balances.merge(h.debit(), -p.amount(), Long::sum);
        balances.merge(h.credit(), p.amount(), Long::sum);
        holds.put(h.id(), new Hold(h.id(), h.debit(), h.credit(), h.amount(), h.reference(), State.POSTED, p.amount()));
        return new Outcome(Answer.APPLIED, null);
    }

    private Outcome voidHold(String id, boolean stray) {
        Hold h = holds.get(id);
        if (h == null) return stray ? new Outcome(Answer.ALREADY_APPLIED, "none") : refused("UNKNOWN_TRANSFER");
        if (h.state() == State.VOIDED) return new Outcome(Answer.ALREADY_APPLIED, null);
        if (h.state() == State.POSTED) return refused("HOLD_ALREADY_RESOLVED");
        pending.merge(h.debit(), -h.amount(), Long::sum);
        holds.put(id, new Hold(h.id(), h.debit(), h.credit(), h.amount(), h.reference(), State.VOIDED, 0));
        return new Outcome(Answer.APPLIED, null);
    }

    private static Outcome refused(String reason) {
        return new Outcome(Answer.REFUSED, reason);
    }
}

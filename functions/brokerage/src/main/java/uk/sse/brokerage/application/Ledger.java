package uk.sse.brokerage.application;

import java.time.Instant;
import java.util.List;
import uk.sse.brokerage.model.LedgerEffect;
import uk.sse.kernel.identity.Caller;

/**
 * The ledger function, asked by the brokerage as itself (its service token) for engagement holds only; the person it
 * acts for ({@code actingFor}, null for reconciliation) is named for the ledger's record, never as the authority. Every
 * effect is idempotent by its transfer id, so carrying one out again after a crash or a lost answer is safe and answers
 * as the first time did.
 */
public interface Ledger {

    sealed interface Answer {
        /** Done, now or before. */
        record Done() implements Answer {}

        /**
         * The ledger said no: {@code code} is the last part of its problem type ({@code insufficient-funds},
         * {@code unknown-credit-account}, {@code hold-already-resolved}, ...), {@code message} its detail.
         */
        record Refused(String code, String message) implements Answer {
            public boolean forWantOfCredits() {
                return "insufficient-funds".equals(code);
            }
        }

        /** No answer: down, timed out or 5xx. Nothing may be concluded, and the caller should try again. */
        record Unavailable(String why) implements Answer {}
    }

    /** An engagement hold as the ledger has it: {@code state} PENDING, POSTED or VOIDED. */
    record Hold(String id, String state, long amount, long postedAmount, Instant createdAt, Instant timeout) {
        public boolean pending() {
            return "PENDING".equals(state);
        }
    }

    /** A page of the pending engagement holds, soonest timeout first; {@code next} null on the last. */
    record Holds(List<Hold> items, String next) {}

    Answer carry(Caller actingFor, LedgerEffect effect);

    /** The hold with this id; missing if the ledger has none. */
    Lookup<Hold> hold(String transferId);

    /** The pending engagement holds, a page from {@code cursor} (null: the first). */
    Lookup<Holds> pendingHolds(String cursor);
}

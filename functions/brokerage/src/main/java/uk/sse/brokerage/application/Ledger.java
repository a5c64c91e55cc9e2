package uk.sse.brokerage.application;

import uk.sse.brokerage.model.LedgerEffect;

/**
 * The ledger function, asked with the caller's own authority. Every effect is idempotent by its transfer id, so
 * carrying one out again after a crash or a lost answer is safe and answers as the first time did.
 */
public interface Ledger {

    sealed interface Answer {
        /** Done, now or before. */
        record Done() implements Answer { }

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
        record Unavailable(String why) implements Answer { }
    }

    Answer carry(String bearer, LedgerEffect effect);
}

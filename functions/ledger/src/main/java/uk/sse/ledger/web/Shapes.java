package uk.sse.ledger.web;

import uk.sse.ledger.model.AccountId;
import uk.sse.ledger.model.Ledger;
import uk.sse.ledger.model.TransferId;

/** Shapes and ranges the ledger's API accepts, for the bodies' and parameters' constraints. */
final class Shapes {

    static final String ACCOUNT = AccountId.PATTERN;
    static final String ACCOUNT_MESSAGE = "must be an account id: area/owner, e.g. 888/100001 or 888/ISSUING";
    static final String PART = AccountId.PART_PATTERN;
    static final String PART_MESSAGE = "must be 1 to 64 letters, digits, ':', '_', '.' or '-'";
    static final String TRANSFER = TransferId.PATTERN;
    static final String TRANSFER_MESSAGE = "must be a transfer id: 1 to 64 letters, digits, ':', '_', '.' or '-'";
    /** A transfer's largest amount: a billion credits (hours of support) is beyond any area's scheme. */
    static final String MAX_AMOUNT = "1000000000";

    static final String AMOUNT_MESSAGE = "must be a whole number of credits from 1 to " + MAX_AMOUNT;
    static final String PER_TERM_MESSAGE = "must be a whole number of credits from 0 to 1000";
    static final String MAX_TIMEOUT = "" + Ledger.MAX_TIMEOUT_SECONDS;
    static final String TIMEOUT_MESSAGE = "must be a whole number of seconds from 0 (never) to " + MAX_TIMEOUT;
    static final String EXTEND_MESSAGE = "must be a whole number of seconds from 1 to " + MAX_TIMEOUT;

    private Shapes() {}
}

package uk.sse.ledger.model;

/** Why a command was refused; the web layer gives each its HTTP answer (ID_REUSED_WITH_DIFFERENT_BODY is 409). */
public enum Refusal {
    AMOUNT_NOT_POSITIVE,
    SAME_ACCOUNT,
    KIND_REQUIRED,
    UNKNOWN_DEBIT_ACCOUNT,
    UNKNOWN_CREDIT_ACCOUNT,
    /** A hold names an account the snapshot lacks: a store fault, never the client's. */
    UNKNOWN_ACCOUNT,
    DIFFERENT_AREAS,
    ALLOCATION_NOT_FROM_ISSUING,
    /** The issuing account moves only by an allocation or a commissioner's adjustment, never pending. */
    ISSUING_ACCOUNT_RESTRICTED,
    /** An adjustment says why: its reference is required. */
    REFERENCE_REQUIRED,
    /** The brokerage's engagement-hold ids are a service's alone, and a service makes nothing else. */
    RESERVED_ID,
    TIMEOUT_INVALID,
    REFERENCE_TOO_LONG,
    INSUFFICIENT_FUNDS,
    ID_REUSED_WITH_DIFFERENT_BODY,
    UNKNOWN_TRANSFER,
    NOT_A_HOLD,
    HOLD_ALREADY_RESOLVED,
    HOLD_EXPIRED,
    POST_EXCEEDS_HOLD,
    OVERFLOW
}

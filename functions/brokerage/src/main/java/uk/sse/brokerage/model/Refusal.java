package uk.sse.brokerage.model;

/** Why a command was refused. The web layer's answers: 404, 403, 409, 409, 422, 404, 409, 409. */
public enum Refusal {
    /** The actor may not see this request (not theirs, nor their area's, nor addressed to them): said as not found. */
    NOT_FOUND,
    /** The actor sees the request but may not take this action on it. */
    FORBIDDEN,
    /** The request has moved on since the version the command names. */
    STALE_VERSION,
    /** The state machine does not allow the action from the current status. */
    ILLEGAL_TRANSITION,
    /** A field of the command is missing or out of bounds ({@code field} names it). */
    INVALID,
    /** No proposal with that id on this request. */
    UNKNOWN_PROPOSAL,
    /** The proposal is not in a state the action needs (e.g. agreeing one not accepted). */
    PROPOSAL_STATE,
    /** That rating has been given already. */
    ALREADY_RATED
}

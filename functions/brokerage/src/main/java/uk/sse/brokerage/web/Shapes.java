package uk.sse.brokerage.web;

/** The shapes of what the API is sent, with the messages that name what is wrong. */
final class Shapes {

    static final String URN = "[0-9]{6,7}";
    static final String URN_MESSAGE = "must be a URN: 6 or 7 digits";
    static final String REQUEST = "[A-Za-z0-9_-]{1,48}";
    static final String REQUEST_MESSAGE = "must be a request id";
    static final String OFFER = "[A-Za-z0-9_-]{1,64}";
    static final String OFFER_MESSAGE = "must be an offer id";
    static final String PROPOSAL = "P[0-9]{1,3}";
    static final String PROPOSAL_MESSAGE = "must be a proposal id such as P1";
    static final String WHOLE = "must be a whole number";
    static final String MAX_CREDITS = "1000000000";
    static final String MAX_DAYS = "365";

    private Shapes() {}
}

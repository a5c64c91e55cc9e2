package uk.sse.kernel.identity;

/**
 * What a function may do as itself when it calls another. In AWS these are the custom scopes of the Cognito resource
 * server {@code sse}; locally the same names in the tokens the local run signs (decision 0030).
 */
public final class ServiceScope {

    /** Place, post, void and extend engagement holds (in the brokerage's transfer-id namespace) and read them. */
    public static final String LEDGER_HOLDS = "sse/ledger.holds";
    /** Read the school register and approved, in-date offers, and search them, as an adviser sees them. */
    public static final String DIRECTORY_READ = "sse/directory.read";

    private ServiceScope() {}
}

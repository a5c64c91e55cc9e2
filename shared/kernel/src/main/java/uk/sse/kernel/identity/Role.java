package uk.sse.kernel.identity;

/** The roles a bearer token can carry in its {@code role} claim. */
public enum Role {
    ADVISER, BROKER, PROVIDER, ASSURER, COMMISSIONER, ADMIN;

    public static final String CLAIM = "role";
}

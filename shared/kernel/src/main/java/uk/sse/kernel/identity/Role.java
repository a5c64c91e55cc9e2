package uk.sse.kernel.identity;

/**
 * The roles of a person's memberships ({@link Membership}; in older tokens the {@code role} claim). Every role but
 * {@link #REGISTRAR} acts in an area; the registrar keeps the national school register, which no area's admin may
 * rewrite (decision 0060).
 */
public enum Role {
    ADVISER,
    BROKER,
    PROVIDER,
    ASSURER,
    COMMISSIONER,
    ADMIN,
    REGISTRAR;

    public static final String CLAIM = "role";
}

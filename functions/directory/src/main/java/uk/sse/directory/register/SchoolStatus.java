package uk.sse.directory.register;

/**
 * Which schools a look-up lists: GIAS's closed ones stay in the register (decision 0062) and are listed only when asked
 * for; a URN finds its school whatever its status, unless one is asked for (decision 0087).
 */
public enum SchoolStatus {
    OPEN,
    CLOSED,
    ALL;

    /** The words of the API's {@code status} parameter: {@code open}, {@code closed}, {@code all}. */
    public static final String WORDS = "open|closed|all";

    public static final String MESSAGE = "must be open, closed or all";

    /** What is listed when {@code asked} (null when not asked): open schools, or any for a URN. */
    public static SchoolStatus listed(SchoolStatus asked, boolean byUrn) {
        return asked != null ? asked : byUrn ? ALL : OPEN;
    }

    /** Whether the school is one of these. */
    public boolean admits(School school) {
        return switch (this) {
            case OPEN -> school.isOpen();
            case CLOSED -> !school.isOpen();
            case ALL -> true;
        };
    }
}

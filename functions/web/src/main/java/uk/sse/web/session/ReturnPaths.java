package uk.sse.web.session;

/** Where a person may be sent back to after signing in: a path on this site, never another site. */
public final class ReturnPaths {

    private ReturnPaths() {}

    public static boolean isLocal(String path) {
        return path != null
                && path.length() <= 1000
                && path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    public static String orHome(String path) {
        return isLocal(path) ? path : "/";
    }
}

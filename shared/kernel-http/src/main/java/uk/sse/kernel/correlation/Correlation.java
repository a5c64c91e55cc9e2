package uk.sse.kernel.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id that ties together everything one action of a person causes: the request to the first function,
 * every call it makes to another ({@value #HEADER} header), and the events written on the way ({@code correlationId} in
 * the envelope). A caller may send one; anything that is not a short token of safe characters is replaced by a new id
 * rather than refused (a bad id must never fail a request, nor reach a log line as the caller wrote it).
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    /** The key in the logging context (MDC) and so in every JSON log line. */
    public static final String KEY = "correlationId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,99}");

    private Correlation() {}

    /** The caller's id if it is acceptable, else a new one. */
    public static String acceptOrMake(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : make();
    }

    public static String make() {
        return UUID.randomUUID().toString();
    }

    /** The id of the work this thread is doing, if any (a request being served, a record being consumed). */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(KEY));
    }

    /** Runs {@code work} as part of {@code id} (e.g. a stream record carrying one), then restores the context. */
    public static void during(String id, Runnable work) {
        if (id == null) {
            work.run();
            return;
        }
        String before = MDC.get(KEY);
        MDC.put(KEY, id);
        try {
            work.run();
        } finally {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        }
    }
}

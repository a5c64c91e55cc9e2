package uk.sse.kernel.http;

import io.micronaut.http.HttpResponse;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sse.kernel.problem.Problems;

/** Strong ETags made from an item's version number: {@code "v7"}. */
public final class ETags {

    private static final Pattern OURS = Pattern.compile("(?:W/)?\"v(0|[1-9][0-9]*)\"");

    private ETags() {}

    public static String of(long version) {
        return "\"v" + version + "\"";
    }

    /**
     * The version an If-Match header names, or empty if it is not one of ours. If-Match compares ETags as
     * strings, so only the exact text {@link #of} writes names a version ({@code "v05"} and {@code "v+5"} do not);
     * a weak {@code W/} form is accepted because proxies weaken the ETags of responses they compress.
     */
    public static OptionalLong versionOf(String ifMatch) {
        if (ifMatch == null) {
            return OptionalLong.empty();
        }
        Matcher ours = OURS.matcher(ifMatch.trim());
        if (!ours.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(ours.group(1)));
        } catch (NumberFormatException tooBig) {
            return OptionalLong.empty();
        }
    }

    /**
     * A write that needs the version read: {@code then} given the version {@code ifMatch} names, or a 428 problem+json
     * naming If-Match when it names none of ours.
     */
    public static HttpResponse<?> requiring(String ifMatch, LongFunction<HttpResponse<?>> then) {
        OptionalLong version = versionOf(ifMatch);
        return version.isPresent()
                ? then.apply(version.getAsLong())
                : Problems.preconditionRequired("send If-Match with the ETag you last read");
    }
}

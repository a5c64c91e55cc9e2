package uk.sse.directory.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.Locale;
import uk.sse.directory.register.SchoolStatus;

/**
 * The {@code status} parameter of the school look-ups ({@code /schools/search} and {@code /schools}), its value checked
 * by {@code @Pattern(regexp = SchoolStatus.WORDS, message = SchoolStatus.MESSAGE)} on the parameter: one value, or
 * none.
 */
public sealed interface StatusParameter {

    /** The status asked for, or null when none was: the look-up's default. */
    record Given(@Nullable SchoolStatus status) implements StatusParameter {}

    /** More than one value: 400 naming {@code status}. */
    record Refused(HttpResponse<?> problem) implements StatusParameter {}

    static StatusParameter read(HttpRequest<?> request, @Nullable String status) {
        if (QueryLists.values(request.getParameters(), "status").size() > 1) {
            return new Refused(QueryLists.malformed(request, "status", "give one of open, closed or all"));
        }
        return new Given(status == null ? null : SchoolStatus.valueOf(status.toUpperCase(Locale.ROOT)));
    }
}

package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.register.Postcode;
import uk.sse.directory.register.PostcodeSector;

/**
 * Where a postcode is, from the postcode directory. Sectors change only when a new release is imported, so each one
 * read is kept for a few minutes (a few hundred bytes each, at most {@value #KEPT} of them).
 */
@Singleton
public class LocatePostcode {

    static final int KEPT = 2_000;
    static final Duration KEEP_FOR = Duration.ofMinutes(10);

    /** A postcode's place, or why there is none. */
    public sealed interface Located permits Found, Malformed, Unknown {}

    public record Found(Postcode postcode, GeoPoint point) implements Located {}

    public record Malformed() implements Located {}

    public record Unknown(Postcode postcode) implements Located {}

    private final PostcodeStore store;
    private final Recently<String, Optional<PostcodeSector>> sectors;

    public LocatePostcode(PostcodeStore store, Clock clock) {
        this.store = store;
        this.sectors = new Recently<>(clock, KEEP_FOR, KEPT);
    }

    public Located locate(String typed) {
        Optional<Postcode> postcode = Postcode.parse(typed);
        if (postcode.isEmpty()) {
            return new Malformed();
        }
        return sectors.get(postcode.get().sector(), store::sector)
                .flatMap(s -> s.locate(postcode.get()))
                .<Located>map(point -> new Found(postcode.get(), point))
                .orElse(new Unknown(postcode.get()));
    }
}

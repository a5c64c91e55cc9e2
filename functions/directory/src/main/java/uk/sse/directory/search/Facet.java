package uk.sse.directory.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** How many matching offers carry each value of one field. */
@Serdeable
public record Facet(String field, List<Count> counts) {

    @Serdeable
    public record Count(String value, long count) {}
}

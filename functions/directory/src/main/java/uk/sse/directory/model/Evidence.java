package uk.sse.directory.model;

import java.util.List;

/** Evidence of impact: what changed where this support was given, and links to read more. */
public record Evidence(String summary, List<String> links) {

    public Evidence {
        links = links == null ? List.of() : List.copyOf(links);
    }
}

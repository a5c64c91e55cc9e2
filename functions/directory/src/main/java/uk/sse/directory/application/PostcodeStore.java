package uk.sse.directory.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import uk.sse.directory.register.PostcodeSector;

/** The postcode directory as the directory keeps it: one entry per postcode sector. */
public interface PostcodeStore {

    Optional<PostcodeSector> sector(String sector);

    /** The stored sectors among these, by sector. */
    Map<String, PostcodeSector> sectors(Collection<String> sectors);

    void putAll(Collection<PostcodeSector> sectors);
}

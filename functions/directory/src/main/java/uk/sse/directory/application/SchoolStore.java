package uk.sse.directory.application;

import uk.sse.directory.register.School;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The school register as the directory keeps it. */
public interface SchoolStore {

    Optional<School> find(String urn);

    /** The stored schools among these URNs, by URN. */
    Map<String, School> findAll(Collection<String> urns);

    void putAll(Collection<School> schools);

    /** Schools whose name starts with the words given, optionally in one local authority. */
    List<School> withNameStarting(String query, String laCode, int limit);
}

package uk.sse.web.visit;

import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import uk.sse.kernel.area.DefinedAreas;
import uk.sse.kernel.identity.Membership;
import uk.sse.kernel.identity.Role;
import uk.sse.web.api.Directory;
import uk.sse.web.api.RegisterOfAreas;
import uk.sse.web.session.Person;

/**
 * Whether a school's own people may ask for support for it themselves (decision 0081): the person wears the school's hat,
 * and an area the school belongs to lets its schools raise requests. The pages offer "Ask for support" only then; the
 * brokerage decides it again, in the same way ({@link DefinedAreas#whereSchoolRaises}, over the directory's register), when the request is raised.
 */
@Singleton
public class SchoolsAsking {

    private final Schools schools;
    private final RegisterOfAreas areas;

    public SchoolsAsking(Schools schools, RegisterOfAreas areas) {
        this.schools = schools;
        this.areas = areas;
    }

    /**
     * The person's own school, if they act for a school and it may ask for itself. For the home page, which is shown
     * whatever the directory answers: a school it cannot find, or a directory that does not answer, is no offer.
     */
    public Optional<Directory.School> ownSchoolThatMayAsk(Person person) {
        if (!person.isSchool() || !areas.now().anyLetsSchoolsRaise()) {
            return Optional.empty();
        }
        try {
            Directory.School school = schools.school(person, person.organisation());
            return mayAsk(person, school) ? Optional.of(school) : Optional.empty();
        } catch (uk.sse.web.pages.PageNotFound | uk.sse.web.api.ApiUnavailable notKnownNow) {
            return Optional.empty();
        }
    }

    /** Whether the person acts for this school (not as an adviser) and one of its areas lets it ask. */
    public boolean mayAsk(Person person, Directory.School school) {
        if (!person.isSchool() || !school.urn().equals(person.organisation())) {
            return false;
        }
        var theirs = person.memberships().stream()
                .filter(m -> m.role() == Role.PROVIDER && m.belongsTo(school.urn()))
                .map(Membership::area)
                .filter(Objects::nonNull)
                .toList();
        return areas.now().whereSchoolRaises(school.facts(), theirs).isPresent();
    }
}

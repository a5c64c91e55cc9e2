package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.ProviderType;
import uk.sse.directory.register.School;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.identity.Role;
import uk.sse.kernel.ids.Ids;
import uk.sse.kernel.outcome.Outcome;

/**
 * Registers an organisation as a provider. A school is registered by its URN, which must be in the
 * register; its id is the URN and its location comes from the register. Other providers are registered by
 * an admin of the area (a generated id) or by themselves (their organisation claim is the id).
 */
@Singleton
public class RegisterProvider {

    private final ProviderStore providers;
    private final SchoolStore schools;
    private final Clock clock;

    public RegisterProvider(ProviderStore providers, SchoolStore schools, Clock clock) {
        this.providers = providers;
        this.schools = schools;
        this.clock = clock;
    }

    /** The provider, and whether an earlier identical registration had already made it (a retry). */
    public record Registered(Provider provider, boolean replayed) {}

    public Outcome<Registered> register(Caller caller, ProviderDraft draft) {
        Optional<School> school = Optional.empty();
        if (draft.type() == ProviderType.SCHOOL) {
            if (draft.urn() == null) {
                return Outcome.invalid("/urn", "a school provider needs its URN");
            }
            school = schools.find(draft.urn());
            if (school.isEmpty()) {
                return Outcome.invalid("/urn", "URN " + draft.urn() + " is not in the school register");
            }
            if (!school.get().laCode().equals(draft.area())) {
                // a school is registered in its own LA's area, by itself or that area's admin: never re-homed elsewhere
                return Outcome.invalid(
                        "/area",
                        "school " + draft.urn() + " is in LA " + school.get().laCode() + ": register it in that area");
            }
        } else if (draft.urn() != null) {
            return Outcome.invalid("/urn", "only a school provider has a URN");
        }
        String id = idFor(caller, draft);
        if (id == null) {
            return Outcome.forbidden("a provider may only register its own organisation");
        }
        if (!DirectoryPolicy.mayManageProvider(caller, id, draft.area())) {
            return Outcome.forbidden(
                    "only the organisation itself or an admin of area " + draft.area() + " may register it");
        }
        GeoPoint location = draft.location() != null
                ? draft.location()
                : school.map(RegisterProvider::locationOf).orElse(null);
        Instant now = clock.instant();
        Provider provider = new Provider(
                id,
                draft.type(),
                draft.name(),
                draft.area(),
                draft.urn(),
                draft.contact(),
                draft.website(),
                draft.designations(),
                List.of(),
                location,
                draft.description(),
                1,
                now,
                now); // claims, none verified yet
        if (providers.create(provider)) {
            return Outcome.done(new Registered(provider, false));
        }
        // the same registration sent again (a retry) is answered with what it made; a different one is a conflict
        return providers
                .find(id)
                .filter(existing -> sameDetails(existing, provider))
                .<Outcome<Registered>>map(existing -> Outcome.done(new Registered(existing, true)))
                .orElseGet(() ->
                        Outcome.conflict("provider " + id + " is already registered", List.of("PUT /providers/" + id)));
    }

    private static boolean sameDetails(Provider a, Provider b) {
        return a.type() == b.type()
                && Objects.equals(a.name(), b.name())
                && Objects.equals(a.area(), b.area())
                && Objects.equals(a.urn(), b.urn())
                && Objects.equals(a.contact(), b.contact())
                && Objects.equals(a.website(), b.website())
                && a.designations().equals(b.designations())
                && Objects.equals(a.location(), b.location())
                && Objects.equals(a.description(), b.description());
    }

    private static String idFor(Caller caller, ProviderDraft draft) {
        if (draft.type() == ProviderType.SCHOOL) {
            return draft.urn();
        }
        if (caller.is(Role.PROVIDER)) {
            return caller.organisation();
        }
        return Ids.newId("prv");
    }

    static GeoPoint locationOf(School school) {
        return GeoPoint.valid(school.latitude(), school.longitude())
                ? new GeoPoint(school.latitude(), school.longitude())
                : null;
    }
}

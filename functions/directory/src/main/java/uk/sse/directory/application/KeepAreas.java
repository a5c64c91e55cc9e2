package uk.sse.directory.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.sse.directory.model.DirectoryArea;
import uk.sse.kernel.area.Area;
import uk.sse.kernel.area.AreaDefinition;
import uk.sse.kernel.area.AreaKind;
import uk.sse.kernel.area.DefinedAreas;
import uk.sse.kernel.area.MembershipRules;
import uk.sse.kernel.area.SchoolFacts;
import uk.sse.kernel.identity.Caller;
import uk.sse.kernel.outcome.Outcome;

/**
 * The register of areas (decision 0082): the registrar defines an area (name, kind, membership rules, settings), the
 * area's admin changes its definition but not its kind; anyone signed in reads them, and which areas a school belongs
 * to. Areas still defined only in a function's configuration ({@code sse.areas}, decision 0080) are read too, until
 * defined here: a stored definition of the same id wins. LA areas need no definition.
 */
@Singleton
public class KeepAreas {

    /** What a definition says; its id is the resource's. */
    public record Draft(String name, AreaKind kind, MembershipRules rules, boolean schoolsRaiseRequests) {}

    private final AreaStore store;
    private final List<AreaDefinition> configured;
    private final Clock clock;

    public KeepAreas(AreaStore store, List<AreaDefinition> configured, Clock clock) {
        this.store = store;
        this.configured = List.copyOf(configured);
        this.clock = clock;
    }

    /** Defines the area ({@code expectedVersion} empty: it must be new) or changes it (the version the caller read). */
    public Outcome<DirectoryArea> define(Caller caller, String id, Optional<Long> expectedVersion, Draft draft) {
        Optional<DirectoryArea> current = store.find(id);
        if (!DirectoryPolicy.mayDefineArea(caller, id, current.isPresent())) {
            return Outcome.forbidden("only the registrar defines a new area; an area's admin changes its definition");
        }
        if (expectedVersion.isEmpty() && current.isPresent()) {
            return Outcome.conflict(
                    "area " + id + " is already defined: send If-Match with the ETag you read to change it", List.of());
        }
        if (expectedVersion.isPresent() && current.isEmpty()) {
            return Outcome.notFound("area " + id);
        }
        if (current.isPresent() && current.get().version() != expectedVersion.orElseThrow()) {
            return new Outcome.Stale<>(current.get().version());
        }
        if (current.isPresent()
                && current.get().area().kind() != draft.kind()
                && !DirectoryPolicy.mayKeepTheRegister(caller)) {
            return Outcome.invalid(
                    "/kind",
                    "an area's kind is the registrar's to change (it is "
                            + current.get().area().kind() + ")");
        }
        Optional<String> problem = Area.problem(id, draft.name(), draft.kind(), draft.rules());
        if (problem.isPresent()) {
            return Outcome.invalid(draft.name() == null || draft.name().isBlank() ? "/name" : "/kind", problem.get());
        }
        long version = current.map(DirectoryArea::version).orElse(0L) + 1;
        DirectoryArea next = new DirectoryArea(
                new Area(id, draft.name().strip(), draft.kind(), draft.rules()),
                draft.schoolsRaiseRequests(),
                version,
                clock.instant(),
                caller.subject());
        boolean written = current.isEmpty()
                ? store.create(next)
                : store.update(next, current.get().version());
        if (!written) {
            return new Outcome.Stale<>(
                    store.find(id).map(DirectoryArea::version).orElse(0L));
        }
        return Outcome.done(next);
    }

    /** The area of that id: defined here, else in configuration, else an LA's for three digits. */
    public Optional<DirectoryArea> find(String id) {
        return store.find(id).or(() -> {
            DefinedAreas fromConfiguration = new DefinedAreas(configured);
            return fromConfiguration
                    .find(id)
                    .map(a -> new DirectoryArea(a, fromConfiguration.letsSchoolsRaise(id), 0, null, null));
        });
    }

    /** Every defined area: those stored, then those only configured, by id. */
    public List<DirectoryArea> all() {
        Map<String, DirectoryArea> all = new LinkedHashMap<>();
        store.all().forEach(a -> all.put(a.id(), a));
        DefinedAreas fromConfiguration = new DefinedAreas(configured);
        configured.stream()
                .map(AreaDefinition::id)
                .filter(id -> !all.containsKey(id))
                .sorted()
                .forEach(id -> all.put(
                        id,
                        new DirectoryArea(
                                fromConfiguration.find(id).orElseThrow(),
                                fromConfiguration.letsSchoolsRaise(id),
                                0,
                                null,
                                null)));
        return List.copyOf(all.values());
    }

    /** The ids of the areas the school belongs to: its LA's and every defined one whose rules admit it. */
    public List<String> areasOf(SchoolFacts school) {
        return known().including(school);
    }

    /** Every area known now, as the kernel decides membership: stored definitions over configured ones of the same id. */
    public DefinedAreas known() {
        Map<String, AreaDefinition> definitions = new LinkedHashMap<>();
        configured.forEach(d -> definitions.put(d.id(), d));
        store.all().forEach(a -> definitions.put(a.id(), definition(a)));
        return new DefinedAreas(new ArrayList<>(definitions.values()));
    }

    private static AreaDefinition definition(DirectoryArea a) {
        MembershipRules r = a.area().rules();
        return new AreaDefinition(
                a.id(),
                a.area().name(),
                a.area().kind(),
                List.copyOf(r.laCodes()),
                List.copyOf(r.trustCodes()),
                List.copyOf(r.urns()),
                a.schoolsRaiseRequests());
    }
}

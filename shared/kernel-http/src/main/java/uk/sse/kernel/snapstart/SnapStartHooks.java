package uk.sse.kernel.snapstart;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link SnapshotHook} bean around a SnapStart snapshot, as one CRaC {@link Resource}. Created with the
 * application context (which a Lambda handler builds during init) and registered with the global CRaC context,
 * which on Lambda's Java runtime calls it before the snapshot and after each restore; elsewhere nothing calls it.
 * A failing hook is logged and skipped: a colder start is better than no snapshot.
 */
@Context
public class SnapStartHooks implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

    private final List<SnapshotHook> hooks;

    public SnapStartHooks(List<SnapshotHook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    @PostConstruct
    void register() {
        // the global context keeps resources weakly; the application context holds this bean for the function's life
        Core.getGlobalContext().register(this);
    }

    public List<SnapshotHook> hooks() {
        return hooks;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        for (SnapshotHook hook : hooks) {
            run(hook, "prime", true);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        for (SnapshotHook hook : hooks) {
            run(hook, "refresh", false);
        }
    }

    private static void run(SnapshotHook hook, String step, boolean prime) {
        try {
            if (prime) {
                hook.prime();
            } else {
                hook.refresh();
            }
        } catch (Exception | LinkageError e) {
            LOG.warn(
                    "SnapStart {} of {} failed; carrying on without it",
                    step,
                    hook.getClass().getSimpleName(),
                    e);
        }
    }
}

package uk.sse.kernel.snapstart;

import jakarta.inject.Singleton;
import uk.sse.kernel.ids.Ids;

/**
 * After a restore, mixes fresh entropy into the generator ids draw from. Every restored copy starts from the same
 * snapshot of that generator; on Linux SecureRandom also reads the kernel's pool on each call, so copies already
 * differ, and this keeps them apart even where it does not.
 */
@Singleton
public class RandomReseeding implements SnapshotHook {

    @Override
    public void refresh() {
        Ids.reseed();
    }
}

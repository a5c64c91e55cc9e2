package uk.sse.notifier;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import uk.sse.kernel.snapstart.SnapshotHook;
import uk.sse.notifier.delivery.NotifyEmailSender;
import uk.sse.notifier.storage.SealingKeys;

/**
 * After a SnapStart restore, the notifier reads its secrets from Secrets Manager again: the snapshot may be older than
 * the last rotation (decision 0103). Only where they are read from there (AWS): a bean of its own, so that a context
 * without the notifier's settings (another function's, on the local run's classpath) never builds the notifier's keys.
 */
@Singleton
@Requires(property = "sse.notifier.secret-key-arn", pattern = ".+")
public class SecretsAfterRestore implements SnapshotHook {

    private final SealingKeys sealingKeys;
    private final NotifyEmailSender email;

    public SecretsAfterRestore(SealingKeys sealingKeys, NotifyEmailSender email) {
        this.sealingKeys = sealingKeys;
        this.email = email;
    }

    @Override
    public void refresh() {
        sealingKeys.refresh();
        email.refresh();
    }
}

package uk.sse.notifier.application;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sends side by side, at most {@code maxInFlight} at once, on virtual threads (a send mostly waits on the
 * network, up to its timeouts), and returns when all are done. A task that throws is logged; the others go on.
 */
final class Parallel {

    private static final Logger LOG = LoggerFactory.getLogger(Parallel.class);

    private Parallel() {}

    static void run(List<Runnable> tasks, int maxInFlight) {
        if (tasks.size() == 1) {
            guarded(tasks.get(0));
            return;
        }
        Semaphore slots = new Semaphore(Math.max(1, maxInFlight));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable task : tasks) {
                slots.acquireUninterruptibly();
                threads.submit(() -> {
                    try {
                        guarded(task);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failed) {
            // the delivery stays leased and the sweeper takes it when the lease runs out
            LOG.error("a delivery attempt failed; the sweeper will take it again", failed);
        }
    }
}

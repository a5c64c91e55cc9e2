package uk.sse.engines;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every engine does about stopping: stop exactly once, on {@link #close()} or when the JVM exits,
 * whichever comes first.
 */
abstract sealed class RunningEngine implements AutoCloseable
        permits DynamoDbLocalEngine, OpenSearchEngine, PostgresEngine {

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    RunningEngine(String name) {
        this.shutdownHook = new Thread(this::stopOnce, name + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Stops the engine; called at most once. */
    abstract void stop();

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        stopOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs or has run
        }
    }

    private void stopOnce() {
        if (!closed.getAndSet(true)) {
            stop();
        }
    }
}

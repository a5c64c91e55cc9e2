package uk.sse.bench;

/** Runs a benchmark and ends the JVM with its outcome: the local stack leaves threads behind that would keep it alive. */
final class BenchmarkMain {

    interface Body {
        void run() throws Exception;
    }

    private BenchmarkMain() {}

    static void exitAfter(Body body) {
        try {
            body.run();
            System.exit(0);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
    }
}

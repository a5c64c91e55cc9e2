package uk.sse.engines.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.cluster.health.ClusterHealthStatus;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.http.HttpServerTransport;

/**
 * Runs one OpenSearch node in this JVM, which is a child of the engines module.
 *
 * <p>Usage: {@code OpenSearchNodeMain BASE_PATH CLUSTER_NAME}. Prints {@value #READY} followed by
 * the HTTP endpoint once the cluster is yellow, and stops when stdin reaches EOF, so the node dies
 * with its parent even when the parent is killed.
 */
public final class OpenSearchNodeMain {

    public static final String READY = "SSE-OPENSEARCH-READY ";
    public static final String STOPPING = "SSE-OPENSEARCH-STOPPING";

    private static OpenSearchRunner runner;

    private OpenSearchNodeMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: OpenSearchNodeMain BASE_PATH CLUSTER_NAME");
            System.exit(2);
        }
        try {
            run(args[0], args[1]);
        } catch (RuntimeException | Error e) {
            // exit now: non-daemon threads of a half-started node would keep the JVM, and the parent, waiting
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String basePath, String clusterName) throws InterruptedException {
        // OpenSearch redirects System.out into its logger: keep the real stdout for the READY line
        PrintStream stdout = System.out;
        Thread watcher = new Thread(OpenSearchNodeMain::exitAtEndOfStdin, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(OpenSearchNodeMain::stop, "opensearch-stop"));

        OpenSearchRunner node = new OpenSearchRunner();
        synchronized (OpenSearchNodeMain.class) {
            runner = node;
        }
        node.setMaxHttpPort(-1); // skip the runner's connect-scan of 9201..; we bind port 0 below
        node.onBuild((index, settings) -> settings.put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .putList("node.roles", "cluster_manager", "data", "ingest")
                // a loaded CI disk or a small heap must not turn the cluster red or trip breakers
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("indices.breaker.total.use_real_memory", false));
        // The runner's default module list loads every module on the classpath: analysis-common,
        // geo, mapper-extras, ingest-common, painless, reindex, parent-join, percolator, netty4...
        node.build(OpenSearchRunner.newConfigs()
                .basePath(basePath)
                .clusterName(clusterName)
                .numOfNode(1)
                .useLogger());

        ClusterHealthStatus status = node.client()
                .admin()
                .cluster()
                .prepareHealth()
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueMinutes(2))
                .get()
                .getStatus();
        if (status == ClusterHealthStatus.RED) {
            throw new IllegalStateException("cluster is red after 2 minutes");
        }
        int port = node.getInstance(HttpServerTransport.class)
                .boundAddress()
                .publishAddress()
                .getPort();
        stdout.println(READY + "http://127.0.0.1:" + port);
        stdout.flush();
        watcher.join(); // the node's threads are daemons: without this the JVM would exit here
    }

    private static void exitAtEndOfStdin() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the parent never writes; we only wait for EOF
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone as well
        }
        System.out.println(STOPPING + ": stdin closed");
        System.exit(0); // runs the shutdown hook, which closes the node
    }

    private static synchronized void stop() {
        if (runner == null || runner.isClosed()) {
            return;
        }
        try {
            runner.close();
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        }
    }
}

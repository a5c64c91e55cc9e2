package uk.sse.engines;

import java.lang.reflect.Field;
import java.net.URI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local 3.x as an HTTP server inside this JVM, in memory, on an ephemeral loopback port.
 *
 * <p>It uses one shared database ({@code -sharedDb}), so every client sees the same tables whatever
 * its region and credentials. Telemetry is off ({@code -disableTelemetry}).
 */
public final class DynamoDbLocalEngine extends RunningEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocalEngine.class);

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalEngine(DynamoDBProxyServer server, int port) {
        super("dynamodb-local");
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static DynamoDbLocalEngine start() {
        long started = System.nanoTime();
        try {
            // createServer, not createServerFromCommandLineArgs: the latter prints a banner to stdout
            CommandLineInput input = new CommandLineInput(new String[] {"-inMemory", "-sharedDb", "-disableTelemetry"});
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its command line");
            }
            DynamoDBProxyServer server = ServerRunner.createServer(input);
            ServerConnector connector = bindToLoopbackEphemeralPort(server);
            server.start();
            int port = connector.getLocalPort();
            if (port <= 0) {
                server.stop();
                throw new IllegalStateException("DynamoDB Local did not bind a port");
            }
            DynamoDbLocalEngine engine = new DynamoDbLocalEngine(server, port);
            LOG.info(
                    "DynamoDB Local started at {} in {} ms",
                    engine.endpoint,
                    (System.nanoTime() - started) / 1_000_000);
            return engine;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local failed to start", e);
        }
    }

    /**
     * DynamoDB Local offers no host option and binds 0.0.0.0 on a fixed port. Its Jetty server is
     * not started yet, so we point the connector at 127.0.0.1:0: loopback only, and no port race.
     */
    private static ServerConnector bindToLoopbackEphemeralPort(DynamoDBProxyServer proxy)
            throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector connector)) {
            throw new IllegalStateException("unexpected Jetty connectors in DynamoDB Local: " + connectors.length);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    void stop() {
        try {
            server.stop();
            LOG.info("DynamoDB Local at {} stopped", endpoint);
        } catch (Exception e) {
            LOG.warn("DynamoDB Local at {} did not stop cleanly", endpoint, e);
        }
    }
}

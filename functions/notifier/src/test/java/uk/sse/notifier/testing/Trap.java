package uk.sse.notifier.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on an address the notifier must never reach (another loopback address, another port of 127.0.0.1,
 * ::1): it counts every connection that gets as far as a request. The tests assert it stays at zero.
 */
public final class Trap implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final String host;

    private Trap(HttpServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** A trap on {@code address}, or null where this machine cannot listen there (no IPv6, say). */
    public static Trap on(String address) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
            Trap trap = new Trap(server, address.contains(":") ? "[" + address + "]" : address);
            server.createContext("/", exchange -> {
                trap.hits.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return trap;
        } catch (IOException cannotListen) {
            return null;
        }
    }

    public int hits() {
        return hits.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A URL at the trap, with the given scheme. */
    public String url(String scheme) {
        return scheme + "://" + host + ":" + port() + "/hook";
    }

    public String host() {
        return host;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

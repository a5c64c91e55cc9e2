package uk.sse.notifier.testing;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.sse.notifier.application.HostResolver;

/**
 * The tests' DNS zone, in place of the JVM's resolver: names (under {@code .test}, which never resolves in real DNS)
 * point where a test says, and can be re-pointed to show that a name resolving somewhere else later is caught at
 * delivery. IP literals are parsed; any other name does not resolve, so no test ever reaches the internet. The zone is
 * shared by the JVM: each test class uses names of its own.
 */
@Singleton
@Replaces(HostResolver.class)
public class TestDns implements HostResolver {

    private static final Map<String, List<InetAddress>> ZONE = new ConcurrentHashMap<>();

    static {
        point("localhost", "127.0.0.1", "::1");
    }

    public static void point(String name, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String a : addresses) {
            resolved.add(literal(a));
        }
        ZONE.put(name.toLowerCase(Locale.ROOT), List.copyOf(resolved));
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> pointed = ZONE.get(host.toLowerCase(Locale.ROOT));
        if (pointed != null) {
            return pointed;
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(literal(host));
        }
        throw new UnknownHostException(host + " is not in the test zone");
    }

    private static InetAddress literal(String address) {
        if (!address.matches("[0-9.]+") && !address.contains(":")) {
            throw new IllegalArgumentException("the test zone points names at IP literals only, not " + address);
        }
        try {
            return InetAddress.getByName(address); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}

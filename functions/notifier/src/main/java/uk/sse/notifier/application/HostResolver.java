package uk.sse.notifier.application;

import io.micronaut.context.annotation.DefaultImplementation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up: every address it has now. */
@DefaultImplementation(HostResolver.Jvm.class)
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (and its cache, which the HTTP client's own look-up then reads). */
    @jakarta.inject.Singleton
    final class Jvm implements HostResolver {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getAllByName(host));
        }
    }
}

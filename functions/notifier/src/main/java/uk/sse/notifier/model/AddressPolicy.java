package uk.sse.notifier.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: public unicast ones only. Refused: loopback, private (RFC 1918),
 * shared (CGNAT, 100.64/10), link-local (169.254/16, with the cloud metadata address 169.254.169.254, and fe80::/10),
 * unique-local (fc00::/7), multicast, unspecified, broadcast, and the reserved, documentation and benchmarking
 * ranges. An IPv6 address that embeds an IPv4 one (IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96})
 * is judged by the IPv4 address; the deprecated IPv4-compatible, 6to4 and site-local forms are refused outright. Of
 * IPv6, only global unicast ({@code 2000::/3}) is admitted at all.
 */
public final class AddressPolicy {

    record Block(Cidr cidr, String kind) {}

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/8", "an unspecified (\"this network\") address"),
            block("10.0.0.0/8", "a private address (RFC 1918)"),
            block("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            block("127.0.0.0/8", "a loopback address"),
            block("169.254.0.0/16", "a link-local address (this range holds the cloud metadata service)"),
            block("172.16.0.0/12", "a private address (RFC 1918)"),
            block("192.0.0.0/24", "an IETF protocol address"),
            block("192.0.2.0/24", "a documentation address"),
            block("192.88.99.0/24", "a 6to4 relay address"),
            block("192.168.0.0/16", "a private address (RFC 1918)"),
            block("198.18.0.0/15", "a benchmarking address"),
            block("198.51.100.0/24", "a documentation address"),
            block("203.0.113.0/24", "a documentation address"),
            block("224.0.0.0/4", "a multicast address"),
            block("240.0.0.0/4", "a reserved or broadcast address"));

    private static final Cidr MAPPED = Cidr.of("::ffff:0:0/96");
    private static final Cidr NAT64 = Cidr.of("64:ff9b::/96");
    private static final Cidr GLOBAL_UNICAST = Cidr.of("2000::/3");

    private static final List<Block> IPV6 = List.of(
            block("::/96", "an unspecified, loopback or IPv4-compatible address"),
            block("64:ff9b:1::/48", "a local NAT64 address"),
            block("100::/64", "a discard-only address"),
            block("2001::/23", "an IETF protocol address (Teredo and others)"),
            block("2001:db8::/32", "a documentation address"),
            block("2002::/16", "a 6to4 address"),
            block("3fff::/20", "a documentation address"),
            block("5f00::/16", "a segment-routing address"),
            block("fc00::/7", "a unique-local address"),
            block("fe80::/10", "a link-local address"),
            block("fec0::/10", "a site-local address"),
            block("ff00::/8", "a multicast address"));

    private AddressPolicy() {}

    private static Block block(String cidr, String kind) {
        return new Block(Cidr.of(cidr), kind);
    }

    /** Why a webhook may not be sent to {@code address}, or empty if it may. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes).map(kind -> address.getHostAddress() + " is " + kind);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of(address + " is not an IP address");
        }
        String text = address.getHostAddress();
        if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
            byte[] embedded = {bytes[12], bytes[13], bytes[14], bytes[15]};
            return ipv4(embedded).map(kind -> text + " embeds " + dotted(embedded) + ", " + kind);
        }
        for (Block b : IPV6) {
            if (b.cidr().contains(bytes)) {
                return Optional.of(text + " is " + b.kind());
            }
        }
        return GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of(text + " is a reserved address");
    }

    private static Optional<String> ipv4(byte[] bytes) {
        return IPV4.stream()
                .filter(b -> b.cidr().contains(bytes))
                .map(Block::kind)
                .findFirst();
    }

    private static String dotted(byte[] v4) {
        try {
            return InetAddress.getByAddress(v4).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

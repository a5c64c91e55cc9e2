package uk.sse.notifier.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block, {@code 10.0.0.0/8} or {@code fc00::/7}: the first {@code prefix} bits of {@code network}. */
record Cidr(byte[] network, int prefix, String text) {

    /** Parses a literal block; only ever given constants, so a bad one is a bug. */
    static Cidr of(String text) {
        int slash = text.indexOf('/');
        try {
            String host = text.substring(0, slash);
            byte[] network = InetAddress.getByName(host).getAddress();
            if (host.contains(":") && network.length == 4) { // the JDK reads ::ffff:a.b.c.d as IPv4: keep it IPv6
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(network, 0, mapped, 12, 4);
                network = mapped;
            }
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new Cidr(network, prefix, text);
        } catch (UnknownHostException | RuntimeException bad) {
            throw new IllegalArgumentException("not a CIDR block: " + text, bad);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }
}

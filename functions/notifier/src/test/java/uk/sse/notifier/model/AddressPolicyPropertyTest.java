package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the address policy over random addresses. */
class AddressPolicyPropertyTest {

    /** Whatever the JDK itself knows to be loopback, link-local, site-local (RFC 1918), multicast or unspecified is refused. */
    @Property(tries = 3000)
    void whatTheJdkCallsLocalIsRefused(@ForAll("anyAddress") InetAddress address) {
        boolean local = address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || address.isAnyLocalAddress();
        if (local) {
            assertThat(AddressPolicy.refusal(address))
                    .as(address.getHostAddress())
                    .isPresent();
        }
    }

    /** An IPv4 address and its IPv4-mapped IPv6 form (as raw bytes) get the same answer. */
    @Property(tries = 3000)
    void anIpv4AddressAndItsMappedFormAgree(@ForAll("ipv4") InetAddress v4) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(v4.getAddress(), 0, bytes, 12, 4);
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(AddressPolicy.refusal(mapped).isPresent())
                .as(v4.getHostAddress())
                .isEqualTo(AddressPolicy.refusal(v4).isPresent());
    }

    /** Every address inside each refused block is refused, not only its first. */
    @Property(tries = 2000)
    void everyAddressOfARefusedBlockIsRefused(@ForAll("insideRefusedBlocks") InetAddress address) {
        assertThat(AddressPolicy.refusal(address)).as(address.getHostAddress()).isPresent();
    }

    @Provide
    Arbitrary<InetAddress> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(AddressPolicyPropertyTest::address);
    }

    @Provide
    Arbitrary<InetAddress> anyAddress() {
        return Arbitraries.oneOf(
                ipv4(),
                Arbitraries.bytes().array(byte[].class).ofSize(16).map(AddressPolicyPropertyTest::address),
                insideRefusedBlocks());
    }

    /** A random address under the prefix of one of the refused blocks. */
    @Provide
    Arbitrary<InetAddress> insideRefusedBlocks() {
        String[] blocks = {
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "100.64.0.0/10",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "0.0.0.0/8",
            "198.18.0.0/15",
            "fc00::/7",
            "fe80::/10",
            "ff00::/8",
            "2001:db8::/32",
            "::/96",
            "2002::/16"
        };
        return Arbitraries.of(blocks).flatMap(block -> {
            Cidr cidr = Cidr.of(block);
            return Arbitraries.bytes()
                    .array(byte[].class)
                    .ofSize(cidr.network().length)
                    .map(random -> within(cidr, random));
        });
    }

    private static InetAddress within(Cidr cidr, byte[] random) {
        byte[] out = random.clone();
        for (int bit = 0; bit < cidr.prefix(); bit++) {
            int i = bit / 8;
            int mask = 0x80 >>> (bit % 8);
            out[i] = (byte) ((cidr.network()[i] & mask) != 0 ? out[i] | mask : out[i] & ~mask);
        }
        return address(out);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

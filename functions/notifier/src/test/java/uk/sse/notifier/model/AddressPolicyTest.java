package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of address a webhook may not reach is refused, naming the kind; public unicast addresses pass. */
class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1|loopback",
                "127.255.255.254|loopback",
                "::1|loopback",
                "10.0.0.1|private",
                "10.255.255.255|private",
                "172.16.0.1|private",
                "172.31.255.255|private",
                "192.168.0.1|private",
                "192.168.255.255|private",
                "100.64.0.1|shared",
                "100.127.255.255|shared",
                "169.254.169.254|link-local",
                "169.254.0.1|link-local",
                "fe80::1|link-local",
                "febf:ffff::1|link-local",
                "fc00::1|unique-local",
                "fd12:3456:789a::1|unique-local",
                "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff|unique-local",
                "224.0.0.1|multicast",
                "239.255.255.250|multicast",
                "ff02::1|multicast",
                "ff0e::1|multicast",
                "0.0.0.0|unspecified",
                "0.1.2.3|unspecified",
                "::|unspecified",
                "255.255.255.255|broadcast",
                "240.0.0.1|reserved",
                "192.0.2.1|documentation",
                "198.51.100.7|documentation",
                "203.0.113.9|documentation",
                "2001:db8::1|documentation",
                "3fff::1|documentation",
                "198.18.0.1|benchmarking",
                "198.19.255.255|benchmarking",
                "192.0.0.8|IETF protocol",
                "2001::1|IETF protocol",
                "2002:c0a8:101::1|6to4",
                "fec0::1|site-local",
                "100::1|discard",
                "::a00:1|IPv4-compatible",
                "4000::1|reserved",
                "::ffff:127.0.0.1|loopback",
                "::ffff:10.1.2.3|private",
                "::ffff:169.254.169.254|link-local",
                "64:ff9b::a00:1|private",
                "64:ff9b::7f00:1|loopback",
                "64:ff9b:1::1|NAT64"
            })
    void refused(String address, String kind) throws Exception {
        InetAddress parsed = InetAddress.getByName(address);
        assertThat(AddressPolicy.refusal(parsed))
                .as(address)
                .hasValueSatisfying(reason -> assertThat(reason).contains(kind));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "52.95.110.1",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.167.255.255",
                "192.169.0.0",
                "169.253.255.255",
                "223.255.255.255",
                "198.17.255.255",
                "198.20.0.0",
                "2606:4700:4700::1111",
                "2a00:1450:4009:81b::200e",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808"
            })
    void publicAddressesPass(String address) throws Exception {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address)))
                .as(address)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:7f00:1", "::ffff:0a00:0001", "::ffff:a9fe:a9fe"})
    void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Address(String mapped) throws Exception {
        // the JDK turns "::ffff:a.b.c.d" into an Inet4Address; the same sixteen bytes built directly stay IPv6
        byte[] bytes = new byte[16];
        byte[] v4 = InetAddress.getByName(mapped).getAddress();
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(v4, v4.length - 4, bytes, 12, 4);
        InetAddress six = java.net.Inet6Address.getByAddress(null, bytes, -1);
        assertThat(six).isInstanceOf(java.net.Inet6Address.class);
        assertThat(AddressPolicy.refusal(six)).isPresent();
    }
}

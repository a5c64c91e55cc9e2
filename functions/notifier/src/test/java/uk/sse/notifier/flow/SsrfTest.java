package uk.sse.notifier.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sse.brokerage.model.Urgency;
import uk.sse.notifier.testing.NotifierLambdaTest;
import uk.sse.notifier.testing.Notifiers;
import uk.sse.notifier.testing.Receiver;
import uk.sse.notifier.testing.TestDns;
import uk.sse.notifier.testing.Trap;
import uk.sse.testing.Api;

/**
 * Webhooks go to public addresses only. URLs naming, or resolving to, loopback, private, link-local (the metadata
 * service), unique-local and other refused addresses are refused when subscribed, and again at delivery when a name
 * has since moved; redirects are not followed. Traps listen on the loopback addresses and ports the notifier must
 * not reach, and none of them is ever hit: only the allow-listed receiver is.
 */
@MicronautTest
class SsrfTest extends NotifierLambdaTest {

    static final String AREA = "810";
    static final Duration WAIT = Duration.ofSeconds(15);

    final List<Trap> traps = new ArrayList<>();
    Trap loopback2;
    Trap loopback3;
    Trap otherPort;
    Trap ipv6;
    String broker;

    @BeforeAll
    void setTraps() {
        loopback2 = trap("127.0.0.2");
        loopback3 = trap("127.0.0.3");
        otherPort = trap("127.0.0.1");
        ipv6 = Trap.on("::1"); // may be null where IPv6 is off
        if (ipv6 != null) {
            traps.add(ipv6);
        }
        broker = notifiers().broker(AREA);
        TestDns.point("loopback.ssrf.test", "127.0.0.2");
        TestDns.point("six.ssrf.test", "::1");
        TestDns.point("ten.ssrf.test", "10.1.2.3");
        TestDns.point("172.ssrf.test", "172.20.0.1");
        TestDns.point("192.ssrf.test", "192.168.10.10");
        TestDns.point("metadata.ssrf.test", "169.254.169.254");
        TestDns.point("ula.ssrf.test", "fd12:3456::1");
        TestDns.point("fc.ssrf.test", "fc00::7");
        TestDns.point("mapped.ssrf.test", "::ffff:10.0.0.9");
        TestDns.point("cgnat.ssrf.test", "100.64.3.3");
        TestDns.point("mixed.ssrf.test", "93.184.215.14", "10.0.0.1");
    }

    private Trap trap(String address) {
        Trap t = Objects.requireNonNull(Trap.on(address), "cannot listen on " + address);
        traps.add(t);
        return t;
    }

    @AfterAll
    void noTrapWasEverReached() {
        for (Trap t : traps) {
            assertThat(t.hits())
                    .as("requests reaching " + t.host() + ":" + t.port())
                    .isZero();
            t.close();
        }
    }

    @Test
    void urlsNamingOrResolvingToRefusedAddressesAreRefusedWhenSubscribed() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("https://127.0.0.1:" + otherPort.port() + "/hook", "127.0.0.1 is a loopback address");
        refused.put(
                "https://" + loopback2.host() + ":" + loopback2.port() + "/hook", "127.0.0.2 is a loopback address");
        refused.put("https://[::1]:" + (ipv6 == null ? 8443 : ipv6.port()) + "/hook", "loopback");
        refused.put("https://localhost/hook", "localhost resolves to 127.0.0.1 is a loopback address");
        refused.put("https://10.0.0.1/hook", "10.0.0.1 is a private address (RFC 1918)");
        refused.put("https://10.255.1.2/hook", "private");
        refused.put("https://172.16.0.1/hook", "private");
        refused.put("https://172.31.255.254/hook", "private");
        refused.put("https://192.168.0.10/hook", "private");
        refused.put("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address");
        refused.put("https://[fc00::1]/hook", "unique-local");
        refused.put("https://[fd00:ec2::254]/hook", "unique-local");
        refused.put("https://[fe80::1]/hook", "link-local");
        refused.put("https://[::ffff:127.0.0.1]/hook", "loopback");
        refused.put("https://100.64.0.1/hook", "shared");
        refused.put("https://0.0.0.0/hook", "unspecified");
        refused.put("https://224.0.0.251/hook", "multicast");
        refused.put(
                "https://loopback.ssrf.test:" + loopback2.port() + "/hook", "loopback.ssrf.test resolves to 127.0.0.2");
        refused.put("https://six.ssrf.test/hook", "six.ssrf.test resolves to 0:0:0:0:0:0:0:1");
        refused.put("https://ten.ssrf.test/hook", "ten.ssrf.test resolves to 10.1.2.3 is a private address");
        refused.put("https://172.ssrf.test/hook", "172.20.0.1 is a private address");
        refused.put("https://192.ssrf.test/hook", "192.168.10.10 is a private address");
        refused.put("https://metadata.ssrf.test/latest/meta-data/", "169.254.169.254 is a link-local address");
        refused.put("https://ula.ssrf.test/hook", "unique-local");
        refused.put("https://fc.ssrf.test/hook", "unique-local");
        refused.put("https://mapped.ssrf.test/hook", "10.0.0.9 is a private address");
        refused.put("https://cgnat.ssrf.test/hook", "shared");
        refused.put("https://mixed.ssrf.test/hook", "mixed.ssrf.test resolves to 10.0.0.1");
        refused.put("https://nowhere.ssrf.test/hook", "does not resolve");
        refused.put("http://127.0.0.1:" + otherPort.port() + "/hook", "must use https");
        refused.put("http://" + loopback3.host() + ":" + loopback3.port() + "/hook", "must use https");
        refused.put(
                "http://localhost:"
                        + receiver.origin().substring(receiver.origin().lastIndexOf(':') + 1) + "/hook",
                "must use https");
        refused.put(
                "https://127.0.0.1:"
                        + receiver.origin().substring(receiver.origin().lastIndexOf(':') + 1) + "/hook",
                "loopback");
        int before = listed();
        refused.forEach((url, why) -> {
            Api.Reply reply = api.post(
                    "/subscriptions", broker, Notifiers.body(url, "json", List.of("brokerage.request.created")));
            assertThat(reply.status()).as(url + ": " + reply.body()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.problemFields()).as(url).containsExactly("/url");
            assertThat(reply.body()).as(url).contains(why);
        });
        assertThat(listed()).as("nothing was stored").isEqualTo(before);
    }

    @Test
    void aNameThatMovesToARefusedAddressIsRefusedAtDelivery() {
        TestDns.point("flip.ssrf.test", "93.184.215.14");
        Notifiers.Made made = notifiers()
                .subscribe(
                        broker,
                        Notifiers.body(
                                "https://flip.ssrf.test:" + loopback2.port() + "/hook",
                                "json",
                                List.of("brokerage.request.created")));
        TestDns.point("flip.ssrf.test", "127.0.0.2"); // rebound before anything is sent
        brokerage().raise(AREA, "R-flip", "100001", "Flip School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        assertThat(pipeline().deliver(brokerage().stream()).getBatchItemFailures())
                .isEmpty();

        Map<String, Object> delivery = awaitAttempted(made.id());
        assertThat(delivery).containsEntry("status", "RETRYING");
        Map<String, Object> attempt = Notifiers.attempts(
                        notifiers().delivery(AREA, made.id(), (String) delivery.get("id")))
                .get(0);
        assertThat((String) attempt.get("reason"))
                .contains("destination refused", "flip.ssrf.test resolves to 127.0.0.2 is a loopback address");
        assertThat(attempt).doesNotContainKeys("destination", "status").containsEntry("latencyMillis", 0);

        // changing the URL checks it again
        String etag = api.get("/subscriptions/" + made.id(), broker).header("ETag");
        Api.Reply changed = api.put(
                "/subscriptions/" + made.id(),
                broker,
                etag,
                Notifiers.body("https://metadata.ssrf.test/", "json", List.of("brokerage.request.created")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(422);
        assertThat(changed.problemFields()).containsExactly("/url");
        assertThat(notifiers().subscription(AREA, made.id()))
                .containsEntry("url", "https://flip.ssrf.test:" + loopback2.port() + "/hook");
    }

    @Test
    void redirectsAreNotFollowedToAnyAddress() {
        Notifiers.Made made =
                notifiers().subscribe(AREA, receiver.url("/moved"), "json", List.of("brokerage.request.created"));
        receiver.script(
                "/moved",
                Receiver.Answer.status(302).header("Location", loopback2.url("http")),
                Receiver.Answer.status(307).header("Location", otherPort.url("http")),
                Receiver.Answer.status(301).header("Location", "http://169.254.169.254/latest/meta-data/"));
        brokerage().raise(AREA, "R-moved", "100001", "Moved School", List.of("CT.READ"), "Phonics", Urgency.HIGH);
        pipeline().deliver(brokerage().stream());
        assertThat(receiver.await("/moved", 1, WAIT)).hasSize(1);
        String id = (String) awaitAttempted(made.id()).get("id");
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofHours(1));
            pipeline().sweep();
        }
        assertThat(receiver.await("/moved", 3, WAIT)).hasSize(3);
        List<Map<String, Object>> attempts = Notifiers.attempts(notifiers().delivery(AREA, made.id(), id));
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly(302, 307, 301);
        assertThat(attempts)
                .allSatisfy(a -> assertThat((String) a.get("reason")).contains("redirects are not followed"));
        assertThat(loopback2.hits()).isZero();
        assertThat(otherPort.hits()).isZero();
    }

    private Map<String, Object> awaitAttempted(String subscription) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> d = notifiers().deliveries(AREA, subscription);
            if (!d.isEmpty() && ((Number) d.get(0).get("attempts")).intValue() > 0) {
                return d.get(0);
            }
            sleep();
        }
        throw new AssertionError("no attempt at a delivery of " + subscription);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int listed() {
        Api.Reply reply = api.get("/subscriptions?limit=100", broker);
        assertThat(reply.status()).isEqualTo(200);
        return ((List<?>) reply.map().get("items")).size();
    }
}

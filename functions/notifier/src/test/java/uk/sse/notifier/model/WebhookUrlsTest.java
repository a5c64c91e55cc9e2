package uk.sse.notifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shape of a webhook URL, and the local receivers' allow-list, which admits exactly its origins. */
class WebhookUrlsTest {

    static final LocalReceivers ONE = new LocalReceivers(List.of("http://127.0.0.1:8099"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://hooks.example.test/x|must use https",
                "ftp://hooks.example.test/x|must use https",
                "https://user:pw@hooks.example.test/x|user name or password",
                "https://hooks.example.test/x#frag|fragment",
                "https:///nohost|must name a host",
                "hooks.example.test/x|absolute https URL",
                "mailto:a@b.test|absolute https URL",
                "https://hooks.example.test:0/x|port",
                "https://hooks.example.test:70000/x|port",
                "https://exa mple.test/|not a URL",
                "http://127.0.0.1:8098/|must use https",
                "http://localhost:8099/|must use https",
                "http://127.0.0.2:8099/|must use https",
                "http://[::1]:8099/|must use https",
                "http://u@127.0.0.1:8099/|must use https",
                "https://0177.0.0.01/hook|non-canonical",
                "https://0x7f.0.0.1/hook|non-canonical",
                "https://2130706433/hook|non-canonical",
                "https://127.1/hook|non-canonical",
                "https://10.0.0.010/hook|non-canonical",
                "https://192.0.2.10./hook|non-canonical",
                "https://hooks.example.0x10/hook|non-canonical",
                "https://b\u00fccher..example/hook|internationalised domain name"
            })
    void refused(String url, String why) {
        assertThat(WebhookUrls.check(url, ONE))
                .isInstanceOfSatisfying(
                        WebhookUrls.Checked.Refused.class,
                        r -> assertThat(r.reason()).contains(why));
    }

    @Test
    void anHttpsUrlIsAcceptedAndItsHostLeftToBeLookedUp() {
        assertThat(WebhookUrls.check("https://hooks.slack.com/services/T0/B0/xyz?x=1", LocalReceivers.NONE))
                .isEqualTo(new WebhookUrls.Checked.Accepted(
                        URI.create("https://hooks.slack.com/services/T0/B0/xyz?x=1"), "hooks.slack.com", 443, false));
        assertThat(WebhookUrls.check("https://[2606:4700::1]:8443/h", LocalReceivers.NONE))
                .isEqualTo(new WebhookUrls.Checked.Accepted(
                        URI.create("https://[2606:4700::1]:8443/h"), "[2606:4700::1]", 8443, false));
        assertThat(WebhookUrls.check("https://x.test/" + "a".repeat(2100), LocalReceivers.NONE))
                .isInstanceOf(WebhookUrls.Checked.Refused.class);
    }

    @Test
    void anInternationalisedDomainNameIsTakenInItsPunycodeFormAndACanonicalIpv4LiteralPasses() {
        assertThat(WebhookUrls.check("https://b\u00fccher.example/hook?q=1", LocalReceivers.NONE))
                .isEqualTo(new WebhookUrls.Checked.Accepted(
                        URI.create("https://xn--bcher-kva.example/hook?q=1"), "xn--bcher-kva.example", 443, false));
        assertThat(WebhookUrls.check("https://xn--bcher-kva.example:8443/hook", LocalReceivers.NONE))
                .isInstanceOf(WebhookUrls.Checked.Accepted.class);
        assertThat(WebhookUrls.check("https://192.0.2.10/hook", LocalReceivers.NONE))
                .isInstanceOf(WebhookUrls.Checked.Accepted.class);
        assertThat(WebhookUrls.check("https://hooks.example2/hook", LocalReceivers.NONE))
                .isInstanceOf(WebhookUrls.Checked.Accepted.class);
    }

    @Test
    void onlyAnAllowListedOriginIsALocalReceiver() {
        assertThat(WebhookUrls.check("http://127.0.0.1:8099/hooks/a", ONE))
                .isInstanceOfSatisfying(
                        WebhookUrls.Checked.Accepted.class,
                        a -> assertThat(a.localReceiver()).isTrue());
        assertThat(WebhookUrls.check("http://127.0.0.1:8099/", LocalReceivers.NONE))
                .isInstanceOf(WebhookUrls.Checked.Refused.class);
        assertThat(WebhookUrls.check("http://127.0.0.1:80999/", ONE)).isInstanceOf(WebhookUrls.Checked.Refused.class);
        assertThat(WebhookUrls.check("http://127.0.0.1:809/", ONE)).isInstanceOf(WebhookUrls.Checked.Refused.class);
        LocalReceivers any = new LocalReceivers(List.of("http://127.0.0.1:*"));
        assertThat(WebhookUrls.check("http://127.0.0.1:1234/", any)).isInstanceOf(WebhookUrls.Checked.Accepted.class);
        assertThat(WebhookUrls.check("http://127.0.0.1/", any))
                .as("a port must be named")
                .isInstanceOf(WebhookUrls.Checked.Refused.class);
    }

    @Test
    void theAllowListAdmitsNothingButLoopbackOrigins() {
        for (String bad : List.of(
                "http://localhost:8080",
                "http://10.0.0.1:80",
                "https://127.0.0.1:443",
                "http://127.0.0.1:8080/path",
                "http://127.0.0.1",
                "http://127.0.0.1:99999",
                "*")) {
            assertThatThrownBy(() -> new LocalReceivers(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

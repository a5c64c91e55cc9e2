package uk.sse.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The notifier's messages link to pages that exist: the broker opens a new request from its Slack message and the
 * assurer an offer awaiting assurance, each under the local run's web address.
 */
class LinksTest extends Journey {

    static final Pattern LINK = Pattern.compile(
            "<(http://127\\.0\\.0\\.1:[0-9]+(/support-[a-z]+/[A-Za-z0-9_%-]+))\\|Open (request|offer)>");

    @Test
    void theLinksInTheBrokersSlackMessagesOpenTheirPages() {
        waitFor(d -> links("request").size() > 0 && links("offer").size() > 0);
        String request = links("request").get(0);
        assertThat(request).startsWith(stack.url() + "/support-requests/");
        signIn("broker");
        browser.get(request);
        assertThat(heading()).isNotEqualTo("Page not found");
        assertThat(text()).contains("Request for support", "What the school needs");
        check("request-from-slack");

        browser.manage().deleteAllCookies();
        signIn("assurer");
        String offer = links("offer").get(0);
        assertThat(offer).startsWith(stack.url() + "/support-offers/");
        browser.get(offer);
        assertThat(text()).contains("Awaiting assurance", "About this support");
        check("offer-from-slack");
    }

    List<String> links(String kind) {
        return stack.webhooksReceived("/slack").stream()
                .map(LINK::matcher)
                .filter(Matcher::find)
                .filter(m -> m.group(3).equals(kind))
                .map(m -> m.group(1))
                .toList();
    }
}

package uk.sse.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uk.sse.web.WebSettings;

/** A session sealed into its cookie opens as itself; any change to the cookie, or another key, opens nothing. */
class SessionCookiesPropertyTest {

    static final JsonMapper JSON = ObjectMapper.getDefault();
    final SessionCookies cookies = cookies("a-session-key-of-thirty-two-characters-or-more");

    static SessionCookies cookies(String key) {
        return new SessionCookies(
                new WebSettings(
                        java.net.URI.create("http://127.0.0.1:9"), key, null, null, null, Duration.ofSeconds(1)),
                JSON,
                Clock.systemUTC());
    }

    @Provide
    Arbitrary<String> tokens() {
        // an access token with its role, area and organisation is about 1,100 characters; 2,000 leave room
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(2000);
    }

    @Property(tries = 200)
    void whatIsSealedOpens(@ForAll("tokens") String token, @ForAll("tokens") String name) {
        Session session = cookies.start(token, name, 4_000_000_000L);
        assertThat(session.name().length()).isLessThanOrEqualTo(100);
        assertThat(cookies.open(cookies.cookie(session).getValue())).contains(session);
    }

    @Property(tries = 300)
    void aChangedCharacterOrAnotherKeyOpensNothing(
            @ForAll("tokens") String token, @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll char replacement) {
        String sealed =
                cookies.cookie(cookies.start(token, "n", 4_000_000_000L)).getValue();
        int i = at % sealed.length();
        if (sealed.charAt(i) != replacement && sealed.charAt(i) != '.') {
            String changed = sealed.substring(0, i) + replacement + sealed.substring(i + 1);
            // base64url's last character may carry unused bits: a change there can decode to the same bytes
            if (!changed.equals(sealed) && (i + 1 < sealed.length() && sealed.charAt(i + 1) != '.')) {
                assertThat(cookies.open(changed)).as("changed at " + i).isEmpty();
            }
        }
        assertThat(cookies("another-key-of-thirty-two-characters-or-more!").open(sealed))
                .isEmpty();
    }
}
